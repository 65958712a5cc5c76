using System.Text.Json.Nodes;
using TajKazBot.Core.Generation;
using TajKazBot.Rendering;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests;

/// <summary>
/// Written answers streamed to Teams personal chats with Teams' streaming protocol, by the real host on
/// Kestrel with its model at a loopback chat-completions server that streams; the activities the bot sends
/// are recorded by a fake connector. Updates are not throttled here, so every chunk makes one.
/// </summary>
public sealed class TeamsStreamingTests : IClassFixture<TeamsStreamingTests.Host>, IAsyncLifetime
{
    private const string EmbassyQuestion = "Where is Kazakhstan's embassy in Tajikistan?";

    private static readonly string[] Pieces = ["Kazakhstan has an embassy ", "in Dushanbe [1], ", "and Tajikistan has one ", "in Nur-Sultan [3][9]."];

    private readonly Host host;
    private readonly HttpClient client;
    private readonly FakeConnector connector = new();

    public TeamsStreamingTests(Host host)
    {
        this.host = host;
        client = host.Bot.Client();
        host.Model.Respond = ChatCompletionsServer.Streamed(Pieces);
    }

    public sealed class Host : IAsyncLifetime
    {
        public ChatCompletionsServer Model { get; } = new();

        public string FeedbackLog { get; } = TempFiles.FeedbackLog();

        public BotHost Bot { get; private set; } = null!;

        public Task InitializeAsync()
        {
            var settings = Model.ModelSettings(timeoutSeconds: 10);
            settings["Streaming:UpdateInterval"] = "00:00:00";
            settings["Feedback:LogPath"] = FeedbackLog;
            Bot = new BotHost(settings);
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            Bot.Dispose();
            await Model.DisposeAsync();
            File.Delete(FeedbackLog);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await connector.DisposeAsync();

    /// <summary>Asks, and returns what the bot posted in the conversation once the answer and its follow-ups are in.</summary>
    private async Task<List<PostedActivity>> AskAsync(string conversationId, string channelId = "msteams", string? conversationType = "personal")
    {
        var activity = Activities.Message(EmbassyQuestion, connector.ServiceUrl, conversationId, channelId);
        if (conversationType is not null)
        {
            activity["conversation"]!["conversationType"] = conversationType;
        }
        var response = await Activities.PostAsync(client, activity);
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}");
        var expected = channelId == "msteams" && conversationType != "personal" ? 1 : 2;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (Posted(conversationId).Count(p => Type(p) == "message") < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        return Posted(conversationId);
    }

    private List<PostedActivity> Posted(string conversationId) => connector.Received.Where(a => a.ConversationId == conversationId).ToList();

    private static string? Type(PostedActivity posted) => (string?)posted.Body["type"];

    private static JsonNode? StreamInfo(PostedActivity posted) =>
        posted.Body["entities"]?.AsArray().SingleOrDefault(e => (string?)e!["type"] == TeamsStream.EntityType);

    [Fact]
    public async Task A_personal_chat_sees_an_informative_update_then_the_text_grow_then_the_final_message_with_its_citations()
    {
        // The model writes only once the user has been told the document is being searched.
        var informed = connector.WaitForAsync(p => p.ConversationId == "conv-stream-personal" && StreamInfo(p) is not null, "No informative update.");
        host.Model.Respond = async (request, response, token) =>
        {
            await informed.WaitAsync(token);
            await ChatCompletionsServer.Streamed(Pieces)(request, response, token);
        };

        var posted = await AskAsync("conv-stream-personal");

        var streamed = posted.Where(p => StreamInfo(p) is not null).ToList();
        var informative = streamed[0];
        Assert.Equal("typing", Type(informative));
        Assert.Equal("Searching the document…", (string?)informative.Body["text"]);
        Assert.Equal("informative", (string?)StreamInfo(informative)!["streamType"]);
        Assert.Equal(1, (int?)StreamInfo(informative)!["streamSequence"]);
        Assert.Null(StreamInfo(informative)!["streamId"]);

        var updates = streamed[1..^1];
        Assert.True(updates.Count >= 2, $"{updates.Count} streaming updates");
        Assert.All(updates, u => Assert.Equal("typing", Type(u)));
        Assert.All(updates, u => Assert.Equal("streaming", (string?)StreamInfo(u)!["streamType"]));
        Assert.All(updates, u => Assert.Equal(informative.Id, (string?)StreamInfo(u)!["streamId"]));
        Assert.Equal(Enumerable.Range(2, updates.Count), updates.Select(u => (int)StreamInfo(u)!["streamSequence"]!));
        var texts = updates.Select(u => (string)u.Body["text"]!).ToList();
        Assert.All(texts.Zip(texts.Skip(1)), pair => Assert.StartsWith(pair.First, pair.Second));
        Assert.All(texts, t => Assert.DoesNotContain("[9]", t));

        var final = streamed[^1];
        Assert.Equal("message", Type(final));
        Assert.Equal("final", (string?)StreamInfo(final)!["streamType"]);
        Assert.Equal(informative.Id, (string?)StreamInfo(final)!["streamId"]);
        Assert.Null(StreamInfo(final)!["streamSequence"]);
        Assert.StartsWith("Kazakhstan has an embassy in Dushanbe [1], and Tajikistan has one in Nur-Sultan [2].", (string)final.Body["text"]!);
        var citations = final.Body["entities"]!.AsArray().Single(e => (string?)e!["type"] == "https://schema.org/Message")!;
        Assert.Equal("AIGeneratedContent", (string?)citations["additionalType"]![0]);
        Assert.Equal([1, 2], citations["citation"]!.AsArray().Select(c => (int)c!["position"]!));
        Assert.True((bool?)final.Body["channelData"]?["feedbackLoopEnabled"]);

        // In that order, and nothing of the stream after it: the follow-ups come last, as a message of their own.
        Assert.Equal(posted.IndexOf(informative), posted.FindIndex(p => Type(p) == "typing"));
        Assert.Equal(posted.IndexOf(final), posted.FindIndex(p => Type(p) == "message"));
        Assert.Null(StreamInfo(posted[^1]));
        Assert.NotNull(posted[^1].Body["suggestedActions"]);
    }

    [Fact]
    public async Task Feedback_on_a_streamed_answer_names_its_question()
    {
        // The streamed message is the one Teams shows, under the stream's id; feedback names that id.
        var first = (await AskAsync("conv-stream-feedback")).First(p => StreamInfo(p) is not null);
        // A second cited answer becomes the last one, so only the id can lead back to the first.
        var activity = Activities.Message("What does Tajikistan export to Kazakhstan?", connector.ServiceUrl, "conv-stream-feedback", "msteams");
        activity["conversation"]!["conversationType"] = "personal";
        await Activities.PostAsync(client, activity);

        var invoke = Activities.Feedback(connector.ServiceUrl, "conv-stream-feedback", "dislike", "{\"feedbackText\":\"too long\"}", first.Id);
        var response = await Activities.PostAsync(client, invoke);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var line = File.ReadAllLines(host.FeedbackLog).Select(l => JsonNode.Parse(l)!).Single(l => (string?)l["conversationId"] == "conv-stream-feedback");
        Assert.Equal(EmbassyQuestion, (string?)line["question"]);
        Assert.Equal("Generative", (string?)line["kind"]);
        Assert.Equal(first.Id, (string?)line["replyToId"]);
    }

    [Theory]
    [InlineData("msteams", "groupChat")]
    [InlineData("msteams", "channel")]
    [InlineData("emulator", null)]
    public async Task Group_chats_channels_and_other_channels_get_the_answer_whole(string channelId, string? conversationType)
    {
        var posted = await AskAsync($"conv-stream-{channelId}-{conversationType}", channelId, conversationType);

        Assert.All(posted, p => Assert.Null(StreamInfo(p)));
        Assert.Equal("typing", Type(posted[0]));
        Assert.Null(posted[0].Body["text"]);
        Assert.Contains("Kazakhstan has an embassy in Dushanbe [1], and Tajikistan has one in Nur-Sultan [2].",
            (string)posted.First(p => Type(p) == "message").Body["text"]!);
    }

    [Fact]
    public async Task A_model_that_fails_mid_stream_ends_the_stream_with_the_passages_and_the_notice()
    {
        // The model breaks off once Teams has been shown what it wrote so far.
        var shown = connector.WaitForAsync(p => (string?)p.Body["text"] == "Kazakhstan has an embassy in Dushanbe [1],", "Nothing was streamed.");
        host.Model.Respond = ChatCompletionsServer.Streamed(Pieces[..2], breakOffAfter: shown);

        var posted = await AskAsync("conv-stream-broken");

        var streamed = posted.Where(p => StreamInfo(p) is not null).ToList();
        Assert.Contains(streamed, p => (string?)StreamInfo(p)!["streamType"] == "streaming");
        var final = streamed[^1];
        Assert.Equal("final", (string?)StreamInfo(final)!["streamType"]);
        var text = (string)final.Body["text"]!;
        Assert.Contains("(formerly Astana).** [1]", text);
        Assert.EndsWith($"_{GroundedAnswerer.Unavailable}_", text);
        Assert.Contains(final.Body["entities"]!.AsArray(), e => (string?)e!["type"] == "https://schema.org/Message");
    }
}
