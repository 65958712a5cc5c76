using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests.Hosting;

/// <summary>What <c>/api/messages</c> refuses before any work, on real Kestrel: size, content type, malformed activities, foreign serviceUrls.</summary>
public sealed class EndpointLimitTests(EndpointLimitTests.Host host) : IClassFixture<EndpointLimitTests.Host>
{
    private const string ServiceUrl = "http://127.0.0.1:9/";

    private readonly HttpClient client = host.Bot.Client();

    public sealed class Host : IDisposable
    {
        public FakeLoggerProvider Logs { get; } = new();

        public BotHost Bot { get; }

        public Host() => Bot = new BotHost(
            new Dictionary<string, string?> { ["Retrieval:Semantic"] = "false" },
            services => services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs)));

        public void Dispose() => Bot.Dispose();
    }

    [Fact]
    public async Task A_1_MB_body_gets_413_before_it_is_read()
    {
        var body = new ByteArrayContent(new byte[1024 * 1024]);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var clock = Stopwatch.StartNew();

        var response = await client.PostAsync("/api/messages", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_chunked_body_without_a_length_is_cut_off_at_the_limit()
    {
        var text = new string('a', 300 * 1024);
        var activity = Activities.Message(text, ServiceUrl, "conv-chunked", deliveryMode: "expectReplies");
        var body = new StreamContent(new NoLengthStream(Encoding.UTF8.GetBytes(activity.ToJsonString())));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await client.PostAsync("/api/messages", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_message_just_under_the_limit_is_answered_from_its_start()
    {
        var activity = Activities.Message("What do the two countries trade? " + new string('x', 200 * 1024), ServiceUrl, "conv-long", deliveryMode: "expectReplies");

        var response = await Activities.PostAsync(client, activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("first 2,000 characters", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task A_body_that_is_not_JSON_gets_415(string? contentType)
    {
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes(Activities.Message("trade", ServiceUrl, "conv-415").ToJsonString()));
        body.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType);

        var response = await client.PostAsync("/api/messages", body);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("conversation")]
    [InlineData("recipient")]
    [InlineData("from")]
    [InlineData("channelId")]
    [InlineData("type")]
    [InlineData("serviceUrl")]
    public async Task An_activity_missing_what_the_bot_relies_on_gets_400_without_a_stack_trace(string missing)
    {
        var conversation = "conv-missing-" + missing;
        var activity = Activities.Message("trade", ServiceUrl, conversation, deliveryMode: "expectReplies");
        activity.Remove(missing);

        var response = await Activities.PostAsync(client, activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(host.Logs.Lines(), line => line.StartsWith("Error", StringComparison.Ordinal) || line.Contains("   at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_conversation_id_with_a_line_break_gets_400()
    {
        var response = await Activities.PostAsync(client, Activities.Message("trade", ServiceUrl, "conv\r\nX-Injected: 1"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_10_KB_conversation_id_gets_400()
    {
        var response = await Activities.PostAsync(client, Activities.Message("trade", ServiceUrl, new string('c', 10 * 1024), deliveryMode: "expectReplies"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("conversation id", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/")]
    [InlineData("https://evil.example/")]
    [InlineData("file:///etc/passwd")]
    public async Task Without_an_app_id_replies_go_to_no_serviceUrl_but_a_loopback_one(string serviceUrl)
    {
        var response = await Activities.PostAsync(client, Activities.Message("trade", serviceUrl, "conv-ssrf"));

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"HTTP {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Nesting_past_64_levels_gets_400()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);
        var body = new StringContent($"{{\"type\":\"message\",\"x\":{deep}}}", Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/messages", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>A body whose length HttpClient cannot know, so it is sent chunked.</summary>
    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
