using System.Text.Json.Nodes;
using TajKazBot.Rendering;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests.Playground;

/// <summary>A written answer streamed to the real Agents Playground on msteams, which speaks Teams' streaming protocol.</summary>
[Collection(PlaygroundCollection.Name)]
public sealed class StreamingPlaygroundTests(StreamingPlaygroundFixture fixture) : IClassFixture<StreamingPlaygroundFixture>
{
    [NodeFact]
    public async Task The_playground_takes_every_update_and_shows_the_final_answer_with_its_citations()
    {
        fixture.Model.Respond = ChatCompletionsServer.Streamed(
            ["Kazakhstan has an embassy ", "in Dushanbe [1], ", "and Tajikistan has one ", "in Nur-Sultan [3][9]."]);

        var exchange = await fixture.Teams.AskAsync("Where is Kazakhstan's embassy in Tajikistan?");

        Assert.Equal(200, exchange.BotStatus);
        var streamed = exchange.Replies.Where(r => StreamInfo(r) is not null).ToList();
        Assert.All(streamed, r => Assert.True(r.Status is >= 200 and <= 299, $"HTTP {r.Status}: {r.Error} for {r.Activity.ToJsonString()}"));
        Assert.Equal("informative", (string?)StreamInfo(streamed[0])!["streamType"]);
        Assert.True(streamed.Count(r => (string?)StreamInfo(r)!["streamType"] == "streaming") >= 2);
        var final = exchange.Answer;
        Assert.Equal("final", (string?)StreamInfo(final)!["streamType"]);
        Assert.StartsWith("Kazakhstan has an embassy in Dushanbe [1], and Tajikistan has one in Nur-Sultan [2].", final.Text);

        // The chat shows one message: made by the informative update, then rewritten by each update and the final one.
        var events = fixture.Teams.ChatEvents.Where(e => e["message"] is not null).ToList();
        var created = events.Last(e => (string?)e["action"] == "createMessage" && (string?)e["message"]!["text"] == "Searching the document…");
        var id = (string?)created["message"]!["id"];
        var shown = events.Where(e => (string?)e["action"] == "updateMessage" && (string?)e["message"]!["id"] == id).ToList();
        Assert.True(shown.Count >= 3, string.Join("\n", events.Select(e => e.ToJsonString())));
        Assert.Equal(final.Text, (string?)shown[^1]["message"]!["text"]);
        Assert.NotNull(shown[^1]["message"]!["aiEntity"]);
    }

    private static JsonNode? StreamInfo(PlaygroundReply reply) =>
        reply.Activity["entities"]?.AsArray().SingleOrDefault(e => (string?)e!["type"] == TeamsStream.EntityType);
}
