using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TajKazBot.Tests.Playground;

/// <summary>The bot through the real Agents Playground on the msteams channel.</summary>
[Collection(PlaygroundCollection.Name)]
public sealed partial class TeamsPlaygroundTests(PlaygroundFixture fixture)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    private AgentsPlayground Teams => fixture.Teams;

    [NodeFact]
    public async Task Cited_answer_carries_a_citation_entity_the_playground_accepts_with_positions_matching_its_markers()
    {
        var exchange = await Teams.AskAsync("Where is Kazakhstan's embassy in Tajikistan?");

        Assert.Equal(200, exchange.BotStatus);
        Assert.Contains(exchange.Replies, r => r.Type == "typing");
        var reply = exchange.Answer;
        Assert.InRange(reply.Status, 200, 299);
        Assert.Null(reply.Error);
        Assert.Contains("embassy", reply.Text);
        var entity = Assert.Single(reply.Activity["entities"]!.AsArray(), e => (string?)e!["type"] == "https://schema.org/Message")!;
        Assert.Equal("Message", (string?)entity["@type"]);
        Assert.Null(entity["additionalType"]);
        var citations = entity["citation"]!.AsArray();
        var markers = Marker().Matches(reply.Text).Select(m => int.Parse(m.Groups[1].Value)).Distinct().Order().ToList();
        Assert.Equal(markers, citations.Select(c => (int)c!["position"]!).ToList());
        Assert.InRange(citations.Count, 1, 10);
        foreach (var citation in citations)
        {
            var appearance = citation!["appearance"]!;
            Assert.Equal("DigitalDocument", (string?)appearance["@type"]);
            Assert.InRange(((string)appearance["name"]!).Length, 1, 80);
            Assert.InRange(((string)appearance["abstract"]!).Length, 1, 160);
        }
        Assert.True((bool?)reply.Activity["channelData"]?["feedbackLoopEnabled"]);
        Assert.Null(reply.Activity["suggestedActions"]);
        var followUps = exchange.FollowUps!;
        Assert.InRange(followUps.Status, 200, 299);
        Assert.InRange(followUps.Activity["suggestedActions"]!["actions"]!.AsArray().Count, 1, 3);
        Assert.All(followUps.Activity["suggestedActions"]!["actions"]!.AsArray(), a => Assert.Equal("imBack", (string?)a!["type"]));
        Assert.Contains(Teams.ChatEvents, e => (string?)e["action"] == "createMessage" && (string?)e["message"]?["text"] == reply.Text);
    }

    [NodeFact]
    public async Task Off_topic_question_is_declined_without_citations_but_with_feedback_buttons()
    {
        var reply = (await Teams.AskAsync("What is the boiling point of water at sea level?")).Answer;

        Assert.InRange(reply.Status, 200, 299);
        Assert.Contains("couldn't find that", reply.Text);
        Assert.Empty(reply.Activity["entities"]?.AsArray() ?? []);
        Assert.True((bool?)reply.Activity["channelData"]?["feedbackLoopEnabled"]);
    }

    [NodeFact]
    public async Task Install_gets_one_welcome()
    {
        var install = await Teams.InstallAsync();

        Assert.Equal(HttpStatusCode.OK, install.StatusCode);
        var welcome = await Teams.WaitForBotMessageAsync(r => r.Text.StartsWith("Hi! I answer questions", StringComparison.Ordinal), Within);
        Assert.InRange(welcome.Status, 200, 299);
        // The playground sends installationUpdate and then conversationUpdate; only the first may greet.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(Teams.ChatEvents, e => ((string?)e["message"]?["text"])?.StartsWith("Hi! I answer questions", StringComparison.Ordinal) == true);
    }

    [NodeFact]
    public async Task Help_and_topics_answer_and_a_topic_button_shows_what_its_section_covers()
    {
        var help = (await Teams.AskAsync("help")).Answer;
        Assert.InRange(help.Status, 200, 299);
        Assert.Contains("**source N**", help.Text);

        var topics = await Teams.AskAsync("topics");
        var card = topics.Messages.SelectMany(m => m.Activity["attachments"]?.AsArray() ?? []).Single()!;
        Assert.All(topics.Messages, m => Assert.InRange(m.Status, 200, 299));
        Assert.Equal("application/vnd.microsoft.card.hero", (string?)card["contentType"]);
        var buttons = card["content"]!["buttons"]!.AsArray();
        Assert.Contains(buttons, b => (string?)b!["title"] == "Trade and Economic Relations");

        var pick = (string)buttons.First(b => (string?)b!["title"] == "Trade and Economic Relations")!["value"]!;
        var section = (await Teams.AskAsync(pick)).Answer;
        Assert.StartsWith("**Trade and Economic Relations** covers:", section.Text);
        Assert.Contains("Major Imports and Exports", section.Text);
    }

    [NodeFact]
    public async Task More_continues_the_numbering_and_source_shows_a_whole_passage()
    {
        var first = (await Teams.AskAsync("Where is Kazakhstan's embassy in Tajikistan?")).Answer;
        Assert.Contains("[3]", first.Text);

        var more = (await Teams.AskAsync("more")).Answer;
        Assert.InRange(more.Status, 200, 299);
        Assert.StartsWith("[4] ", more.Text);
        Assert.DoesNotContain("[1]", more.Text);
        var positions = more.Activity["entities"]![0]!["citation"]!.AsArray().Select(c => (int)c!["position"]!).ToList();
        Assert.Equal(4, positions[0]);

        var source = (await Teams.AskAsync("source 1")).SingleMessage;
        Assert.InRange(source.Status, 200, 299);
        Assert.StartsWith("[1] **", source.Text);
        var passage = source.Text[(source.Text.IndexOf("\n\n", StringComparison.Ordinal) + 2)..];
        Assert.StartsWith("Both Tajikistan and Kazakhstan maintain diplomatic missions", passage);
        Assert.Contains("Kazakhstan has an embassy in Dushanbe", first.Text);
        Assert.Equal(1, (int)source.Activity["entities"]![0]!["citation"]![0]!["position"]!);
    }

    [NodeFact]
    public async Task Feedback_is_answered_200_and_recorded_with_the_question_and_answer_kind()
    {
        await Teams.AskAsync("During which years was Tajikistan's civil war fought?");

        var response = await Teams.SendFeedbackAsync("dislike", "Wanted the peace accord too");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var line = File.ReadLines(fixture.FeedbackLogPath).Select(l => JsonNode.Parse(l)!)
            .Last(l => (string?)l["conversationId"] == Teams.ConversationId);
        Assert.Equal("dislike", (string?)line["reaction"]);
        Assert.Equal("Wanted the peace accord too", (string?)line["text"]);
        Assert.Equal("During which years was Tajikistan's civil war fought?", (string?)line["question"]);
        Assert.Equal("Extractive", (string?)line["kind"]);
    }

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Marker();
}
