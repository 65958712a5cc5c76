using System.Net;
using System.Text.Json.Nodes;
using Markdig;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using TajKazBot.Feedback;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests;

/// <summary>What an attacker in a chat can type, and what it must not do: become markup, fill the log, race the state.</summary>
public sealed class HostileInputTests(HostileInputTests.Host host) : IClassFixture<HostileInputTests.Host>
{
    private const string ServiceUrl = "http://127.0.0.1:9/";

    private readonly HttpClient client = host.Bot.Client();

    public sealed class Host : IDisposable
    {
        public string FeedbackPath { get; } = TempFiles.FeedbackLog();

        public FakeLoggerProvider Logs { get; } = new();

        public BotHost Bot { get; }

        public Host() => Bot = new BotHost(
            new Dictionary<string, string?> { ["Retrieval:Semantic"] = "false", ["Feedback:LogPath"] = FeedbackPath },
            services => services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs)));

        public void Dispose()
        {
            Bot.Dispose();
            File.Delete(FeedbackPath);
        }
    }

    private async Task<List<string>> AskAsync(string text, string conversationId)
    {
        var response = await Activities.PostAsync(client, Activities.Message(text, ServiceUrl, conversationId, deliveryMode: "expectReplies"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["activities"]!.AsArray().Select(a => (string?)a!["text"]).OfType<string>().ToList();
    }

    /// <summary>The reply as a markdown channel shows it, HTML in markdown allowed, as most renderers do.</summary>
    private static string Rendered(string markdown) => Markdown.ToHtml(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());

    [Theory]
    [InlineData("topic [click here](http://evil.example)")]
    [InlineData("topic ![x](http://evil.example/pixel.png)")]
    [InlineData("topic <a href=\"http://evil.example\">Historical Background</a>")]
    [InlineData("topic <img src=x onerror=alert(1)>")]
    [InlineData("topic [x](javascript:alert(1))")]
    [InlineData("topic see http://evil.example or www.evil.example")]
    [InlineData("topic <http://evil.example>")]
    public async Task User_text_quoted_back_is_never_a_link_an_image_or_HTML(string message)
    {
        var replies = await AskAsync(message, "conv-echo-" + Guid.NewGuid().ToString("N")[..6]);

        var reply = Assert.Single(replies, r => r.StartsWith("I don't know a section called", StringComparison.Ordinal));
        var html = Rendered(reply);
        Assert.DoesNotContain("<a ", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("http://evil", html, StringComparison.Ordinal);
        Assert.DoesNotContain("www.evil", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Control_characters_and_length_of_an_echo_are_bounded()
    {
        var replies = await AskAsync("topic \u0007\u001b[31mred\u202Eeulav " + new string('y', 5000), "conv-echo-long");

        var reply = Assert.Single(replies, r => r.StartsWith("I don't know a section called", StringComparison.Ordinal));
        var quoted = reply[(reply.IndexOf('“') + 1)..reply.IndexOf('”')];
        Assert.True(quoted.Length <= 2 * 80, quoted);
        Assert.DoesNotContain(quoted, c => char.IsControl(c) || c == '\u202E');
    }

    [Fact]
    public async Task The_question_quoted_by_more_is_escaped()
    {
        var conversation = "conv-more-echo";
        await AskAsync("[trade](http://evil.example) <b>exports</b> cotton aluminium", conversation);
        List<string> replies;
        var rounds = 0;
        do
        {
            replies = await AskAsync("more", conversation);
        }
        while (!replies.Any(r => r.StartsWith("That was everything", StringComparison.Ordinal)) && ++rounds < 10);

        var html = Rendered(replies.First(r => r.StartsWith("That was everything", StringComparison.Ordinal)));
        Assert.DoesNotContain("<a ", html);
        Assert.DoesNotContain("<b>", html);
    }

    [Fact]
    public async Task Fifty_simultaneous_mores_behave_as_if_sent_one_after_another()
    {
        // Replies go to a connector, so every turn awaits real I/O in the middle, where turns could interleave.
        await using var connector = new FakeConnector();
        var conversation = "conv-race";
        await Activities.PostAsync(client, Activities.Message("What do Tajikistan and Kazakhstan trade?", connector.ServiceUrl, conversation));
        await connector.WaitForAsync(conversation, "message");
        var mores = Enumerable.Range(0, 50).Select(_ => Activities.Message("more", connector.ServiceUrl, conversation)).ToList();

        var responses = await Task.WhenAll(mores.Select(m => Activities.PostAsync(client, m)));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, $"HTTP {(int)r.StatusCode}"));
        var ids = mores.Select(m => (string)m["id"]!).ToHashSet();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (connector.Received.Where(p => p.ActivityId is not null && ids.Contains(p.ActivityId)).Select(p => p.ActivityId).Distinct().Count() < ids.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        // One by one, the first `more` shows [4], the next [7], and so on until the passages run out.
        var answers = connector.Received
            .Where(p => p.ActivityId is not null && ids.Contains(p.ActivityId) && (string?)p.Body["type"] == "message")
            .Select(p => (string?)p.Body["text"] ?? "")
            .ToList();
        Assert.Equal(1, answers.Count(a => a.StartsWith("[4]", StringComparison.Ordinal)));
        Assert.True(answers.Count(a => a.StartsWith('[')) <= 3, string.Join("\n", answers.Select(a => a[..Math.Min(20, a.Length)])));
    }

    private JsonObject Feedback(string conversationId, JsonNode? feedback) => Activities.Feedback(ServiceUrl, conversationId, "dislike", feedback);

    [Fact]
    public async Task Feedback_text_that_is_an_object_gets_400_and_no_exception()
    {
        var response = await Activities.PostAsync(client, Feedback("conv-feedback-object", new JsonObject { ["feedbackText"] = new JsonObject { ["evil"] = true } }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(host.Logs.Lines(), line => line.StartsWith("Error", StringComparison.Ordinal) || line.Contains("   at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Long_feedback_is_cut_stripped_of_control_characters_and_kept_out_of_the_log()
    {
        var secret = "my-phone-is-555-0199";
        await AskAsync("Where is Kazakhstan's embassy in Tajikistan? " + secret, "conv-feedback-long");
        var text = "terrible\u0000\u001b[2J answer " + secret + " " + new string('z', 100_000);

        var response = await Activities.PostAsync(client, Feedback("conv-feedback-long", JsonValue.Create(text)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var line = File.ReadLines(host.FeedbackPath).Select(l => JsonNode.Parse(l)!).Single(l => (string?)l["conversationId"] == "conv-feedback-long");
        var recorded = (string)line["text"]!;
        Assert.Equal(FeedbackForm.MaxTextChars, recorded.Length);
        Assert.StartsWith("terrible", recorded);
        Assert.DoesNotContain(recorded, char.IsControl);
        Assert.DoesNotContain(host.Logs.Lines(), l => l.Contains(secret, StringComparison.Ordinal) && !l.StartsWith("Trace", StringComparison.Ordinal) && !l.StartsWith("Debug", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_25_MB_feedback_is_refused_before_it_is_read()
    {
        var response = await Activities.PostAsync(client, Feedback("conv-feedback-huge", JsonValue.Create(new string('f', 25 * 1024 * 1024))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.False(File.Exists(host.FeedbackPath) && File.ReadLines(host.FeedbackPath).Any(l => l.Contains("conv-feedback-huge", StringComparison.Ordinal)));
    }
}
