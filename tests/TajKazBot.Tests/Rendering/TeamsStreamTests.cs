using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Newtonsoft.Json.Linq;
using TajKazBot.Rendering;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests.Rendering;

/// <summary>The stream's pacing and ids, on a clock the test moves; the turn is the seam it sends through.</summary>
public sealed class TeamsStreamTests
{
    private readonly ManualClock clock = new();
    private readonly List<IActivity> sent = [];
    private readonly Mock<ITurnContext> turn = new();

    public TeamsStreamTests() =>
        turn.Setup(t => t.SendActivityAsync(It.IsAny<IActivity>(), It.IsAny<CancellationToken>()))
            .Callback<IActivity, CancellationToken>((a, _) => sent.Add(a))
            .ReturnsAsync(() => new ResourceResponse($"id-{sent.Count}"));

    private Task<TeamsStream> StartAsync() => TeamsStream.StartAsync(turn.Object,
        new StreamingSettings { UpdateInterval = TimeSpan.FromMilliseconds(500) }, clock, NullLogger.Instance, CancellationToken.None);

    private static JObject Info(IActivity activity) => activity.Entities!.Single(e => e.Type == TeamsStream.EntityType).Properties;

    [Fact]
    public async Task Text_that_comes_sooner_than_the_interval_waits_for_the_next_update()
    {
        var stream = await StartAsync();

        await stream.UpdateAsync("Kazakhstan");
        clock.Advance(TimeSpan.FromMilliseconds(500));
        await stream.UpdateAsync("Kazakhstan has");
        clock.Advance(TimeSpan.FromMilliseconds(499));
        await stream.UpdateAsync("Kazakhstan has an");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await stream.UpdateAsync("Kazakhstan has an embassy");
        await stream.UpdateAsync("Kazakhstan has an embassy in");

        Assert.Equal(["Searching the document…", "Kazakhstan has", "Kazakhstan has an embassy"], sent.Select(a => ((Activity)a).Text));
        Assert.Equal([1, 2, 3], sent.Select(a => (int)Info(a)["streamSequence"]!));
        Assert.Equal([null, "id-1", "id-1"], sent.Select(a => (string?)Info(a)["streamId"]));
    }

    [Fact]
    public async Task The_final_message_closes_the_stream_and_answers_with_the_stream_s_id()
    {
        var stream = await StartAsync();
        var reply = MessageFactory.Text("Kazakhstan has an embassy in Dushanbe [1].");
        reply.Entities = [new Entity("https://schema.org/Message")];

        var response = await stream.FinishAsync(reply);

        Assert.Equal("id-1", response?.Id);
        Assert.Equal(["https://schema.org/Message", TeamsStream.EntityType], sent[^1].Entities!.Select(e => e.Type));
        Assert.Equal("final", (string?)Info(sent[^1])["streamType"]);
        Assert.Equal("id-1", (string?)Info(sent[^1])["streamId"]);
        Assert.Null(Info(sent[^1])["streamSequence"]);
    }

    [Fact]
    public async Task A_refused_update_ends_the_updates_but_the_final_message_still_closes_the_stream()
    {
        var stream = await StartAsync();
        turn.Setup(t => t.SendActivityAsync(It.Is<IActivity>(a => a.Type == ActivityTypes.Typing), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("403"));
        clock.Advance(TimeSpan.FromSeconds(1));
        await stream.UpdateAsync("Kazakhstan has");
        clock.Advance(TimeSpan.FromSeconds(1));
        await stream.UpdateAsync("Kazakhstan has an embassy");

        await stream.FinishAsync(MessageFactory.Text("Kazakhstan has an embassy in Dushanbe [1]."));

        turn.Verify(t => t.SendActivityAsync(It.Is<IActivity>(a => a.Type == ActivityTypes.Typing), It.IsAny<CancellationToken>()), Times.Exactly(2));
        Assert.Equal("final", (string?)Info(sent[^1])["streamType"]);
    }
}
