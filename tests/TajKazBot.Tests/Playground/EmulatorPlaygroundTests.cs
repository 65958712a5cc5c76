using System.Net;

namespace TajKazBot.Tests.Playground;

/// <summary>The bot through the real Agents Playground on the emulator channel: markdown with sources, no Teams entities.</summary>
[Collection(PlaygroundCollection.Name)]
public sealed class EmulatorPlaygroundTests(PlaygroundFixture fixture)
{
    private AgentsPlayground Emulator => fixture.Emulator;

    [NodeFact]
    public async Task Cited_answer_is_markdown_with_a_numbered_sources_list_and_no_teams_entity()
    {
        var exchange = await Emulator.AskAsync("Where is Kazakhstan's embassy in Tajikistan?");
        var reply = exchange.Answer;

        Assert.InRange(reply.Status, 200, 299);
        Assert.Equal("markdown", (string?)reply.Activity["textFormat"]);
        var sources = reply.Text[reply.Text.IndexOf("**Sources**", StringComparison.Ordinal)..];
        Assert.Contains("[1] Diplomatic Missions and Representation", sources);
        Assert.DoesNotContain(reply.Activity["entities"]?.AsArray() ?? [], e => (string?)e!["type"] == "https://schema.org/Message");
        Assert.Null(reply.Activity["channelData"]?["feedbackLoopEnabled"]);
        Assert.InRange(exchange.FollowUps!.Activity["suggestedActions"]!["actions"]!.AsArray().Count, 1, 3);
    }

    [NodeFact]
    public async Task Off_topic_question_is_declined()
    {
        var reply = (await Emulator.AskAsync("What is the boiling point of water at sea level?")).Answer;

        Assert.Contains("couldn't find that", reply.Text);
        Assert.DoesNotContain("**Sources**", reply.Text);
    }

    [NodeFact]
    public async Task Joining_the_conversation_gets_the_welcome()
    {
        var install = await Emulator.InstallAsync();

        Assert.Equal(HttpStatusCode.OK, install.StatusCode);
        var welcome = await Emulator.WaitForBotMessageAsync(r => r.Text.StartsWith("Hi! I answer questions", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.InRange(welcome.Status, 200, 299);
    }

    [NodeFact]
    public async Task Source_command_shows_the_whole_passage()
    {
        await Emulator.AskAsync("During which years was Tajikistan's civil war fought?");

        var source = (await Emulator.AskAsync("source 1")).SingleMessage;

        Assert.Contains("civil war from 1992 to 1997", source.Text.Replace("**", ""));
        Assert.Contains("**Sources**", source.Text);
    }
}
