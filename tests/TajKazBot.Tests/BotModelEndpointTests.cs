using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using TajKazBot.Core.Generation;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests;

/// <summary>
/// The real host with <c>Model:*</c> pointing at a loopback chat-completions server, spoken to at
/// <c>/api/messages</c> as a channel would, with expectReplies so the reply comes back in the response.
/// </summary>
[StartsFirst]
public sealed class BotModelEndpointTests : IClassFixture<BotModelEndpointTests.Host>, IAsyncLifetime
{
    public const string Key = "sk-host-test-9b0e6c31";
    private const int TimeoutSeconds = 5;

    private readonly Host host;
    private readonly HttpClient client;
    private readonly FakeConnector connector = new();

    public BotModelEndpointTests(Host host)
    {
        this.host = host;
        client = host.Bot.Client();
        host.Model.Reset();
    }

    public sealed class Host : IAsyncLifetime
    {
        public ChatCompletionsServer Model { get; } = new();

        public FakeLoggerProvider Logs { get; } = new();

        public BotHost Bot { get; private set; } = null!;

        public Task InitializeAsync()
        {
            Bot = new BotHost(Model.ModelSettings(TimeoutSeconds, Key), services => services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs)));
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            Bot.Dispose();
            await Model.DisposeAsync();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await connector.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, string Text)> AskAsync(string question, string conversationId)
    {
        var response = await Activities.PostAsync(client, Activities.Message(question, connector.ServiceUrl, conversationId, deliveryMode: "expectReplies"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var reply = body["activities"]!.AsArray().First(a => (string?)a!["type"] == "message")!;
        return (response.StatusCode, (string)reply["text"]!);
    }

    [Fact]
    public async Task The_model_s_answer_comes_back_with_every_marker_resolving_to_a_listed_source()
    {
        host.Model.Respond = ChatCompletionsServer.Completion(
            "Kazakhstan has an embassy in Dushanbe [1], and Tajikistan has one in Nur-Sultan [3][9].");

        var (status, text) = await AskAsync("Where is Kazakhstan's embassy in Tajikistan?", "conv-model-cited");

        Assert.Equal(HttpStatusCode.OK, status);
        var request = Assert.Single(host.Model.Requests);
        Assert.Equal($"Bearer {Key}", request.Authorization);
        Assert.StartsWith("Kazakhstan has an embassy in Dushanbe [1], and Tajikistan has one in Nur-Sultan [2].", text);
        Assert.DoesNotContain("[9]", text);
        var (answer, sources) = (text[..text.IndexOf("**Sources**", StringComparison.Ordinal)], text[text.IndexOf("**Sources**", StringComparison.Ordinal)..]);
        var listed = Regex.Matches(sources, @"^- \[(\d+)\] \S", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["1", "2"], listed);
        Assert.All(Regex.Matches(answer, @"\[(\d+)\]"), m => Assert.Contains(m.Groups[1].Value, listed));
        Assert.Contains("[1] Diplomatic Relations › Diplomatic Missions and Representation — “", sources);
    }

    [Theory]
    [InlineData("500")]
    [InlineData("hang")]
    public async Task A_failing_model_still_gets_the_user_the_passages_within_the_timeout_with_HTTP_200(string failure)
    {
        host.Model.Respond = failure == "500" ? ChatCompletionsServer.Status(500) : ChatCompletionsServer.Hang();

        var clock = Stopwatch.StartNew();
        var (status, text) = await AskAsync("Where is Kazakhstan's embassy in Tajikistan?", $"conv-model-{failure}");

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(TimeoutSeconds + 3));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("(formerly Astana).** [1]\n\n", text);
        Assert.Contains("- [1] Diplomatic Missions and Representation", text);
        Assert.EndsWith($"_{GroundedAnswerer.Unavailable}_", text);
    }

    [Fact]
    public async Task A_follow_up_in_the_same_conversation_is_rewritten_with_the_earlier_question()
    {
        host.Model.Respond = (request, response, token) => ChatCompletionsServer.WriteCompletionAsync(response,
            request.IsRewrite ? "Which kinds of infrastructure has Kazakhstan invested in?" : "Transport, energy and telecommunications [1].", token);

        await AskAsync("Has Kazakhstan invested in Tajikistan's infrastructure?", "conv-model-followup");
        var (_, text) = await AskAsync("Which kinds in particular?", "conv-model-followup");

        var rewrite = Assert.Single(host.Model.Requests, r => r.IsRewrite);
        Assert.Contains("User: Has Kazakhstan invested in Tajikistan's infrastructure?", rewrite.AllText);
        Assert.Contains("Question: Which kinds of infrastructure has Kazakhstan invested in?", host.Model.Requests.Last().AllText);
        Assert.StartsWith("Transport, energy and telecommunications [1].", text);
    }

    /// <summary>Neither a turn the model answers nor one where it fails puts the key in a log line, at Trace level.</summary>
    [Fact]
    public async Task The_key_never_reaches_a_log_line()
    {
        var before = host.Logs.Collector.Count;
        host.Model.Respond = ChatCompletionsServer.Completion("Kazakhstan has an embassy in Dushanbe [1].");
        await AskAsync("Where is Kazakhstan's embassy in Tajikistan?", "conv-model-key");
        host.Model.Respond = ChatCompletionsServer.Status(500);
        await AskAsync("Where is Kazakhstan's embassy in Tajikistan?", "conv-model-key");

        var lines = host.Logs.Lines().Skip(before).ToList();
        Assert.Contains(lines, line => line.StartsWith("Warning", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(Key, StringComparison.Ordinal));
    }
}
