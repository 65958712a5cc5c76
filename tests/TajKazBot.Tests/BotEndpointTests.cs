using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests;

/// <summary>The bot on real Kestrel at 127.0.0.1, spoken to as channels speak to it.</summary>
public sealed class BotEndpointTests : IClassFixture<BotEndpointTests.Host>, IAsyncLifetime
{
    private readonly HttpClient client;
    private readonly FakeConnector connector = new();

    public BotEndpointTests(Host host) => client = host.Bot.Client();

    public sealed class Host : IDisposable
    {
        public BotHost Bot { get; } = new();

        public void Dispose() => Bot.Dispose();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await connector.DisposeAsync();

    [Fact]
    public async Task Health_answers_200_once_the_index_is_loaded()
    {
        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"passages\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ExpectReplies_message_gets_the_cited_reply_in_the_response()
    {
        var activity = Activities.Message("Where is Kazakhstan's embassy in Tajikistan?", connector.ServiceUrl, "conv-expect", deliveryMode: "expectReplies");

        var response = await Activities.PostAsync(client, activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var reply = body["activities"]!.AsArray().First(a => (string?)a!["type"] == "message")!;
        var text = (string)reply["text"]!;
        Assert.StartsWith("**Kazakhstan has an embassy in Dushanbe", text);
        Assert.Contains("(formerly Astana).** [1]\n\nBoth Tajikistan and Kazakhstan maintain diplomatic missions", text);
        Assert.Contains("- [1] Diplomatic Missions and Representation", text);
        Assert.Empty(connector.Received);
    }

    [Fact]
    public async Task Normal_message_reply_is_posted_to_the_connector_at_the_activity_s_serviceUrl()
    {
        var activity = Activities.Message("During which years was Tajikistan's civil war fought?", connector.ServiceUrl, "conv-normal");

        var response = await Activities.PostAsync(client, activity);

        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}");
        var posted = await connector.WaitForAsync("conv-normal", "message");
        Assert.Equal((string)activity["id"]!, posted.ActivityId);
        Assert.Equal((string)activity["id"]!, (string?)posted.Body["replyToId"]);
        Assert.Contains("civil war from 1992 to 1997", ((string)posted.Body["text"]!).Replace("**", ""));
        Assert.Equal("markdown", (string?)posted.Body["textFormat"]);
    }

    [Fact]
    public async Task ConversationUpdate_gets_the_welcome_with_example_questions()
    {
        var response = await Activities.PostAsync(client, Activities.MembersAdded(connector.ServiceUrl, "conv-welcome"));

        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}");
        var welcome = await connector.WaitForAsync("conv-welcome", "message");
        var text = (string)welcome.Body["text"]!;
        Assert.Contains("Bilateral Relationship between Tajikistan and Kazakhstan", text);
        Assert.Equal(3, text.Split('\n').Count(line => line.StartsWith("- ", StringComparison.Ordinal) && line.EndsWith('?')));
        Assert.Single(connector.Received, a => a.ConversationId == "conv-welcome" && ((string?)a.Body["text"])?.StartsWith("Hi!", StringComparison.Ordinal) == true);
        var buttons = connector.Received.Single(a => a.ConversationId == "conv-welcome" && a.Body["suggestedActions"] is not null);
        Assert.Equal(3, buttons.Body["suggestedActions"]!["actions"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"type\": 42}")]
    public async Task Malformed_activity_gets_400_not_500(string body)
    {
        var response = await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Off_topic_question_gets_a_decline_naming_what_the_document_covers()
    {
        var activity = Activities.Message("What is the boiling point of water at sea level?", connector.ServiceUrl, "conv-ood", deliveryMode: "expectReplies");

        var response = await Activities.PostAsync(client, activity);

        var text = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]![0]!["text"]!;
        Assert.Contains("couldn't find that", text);
        Assert.Contains("Trade and Economic Relations", text);
        Assert.DoesNotContain("[1]", text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_message_is_asked_for_a_question(string text)
    {
        var activity = Activities.Message(text, connector.ServiceUrl, "conv-empty", deliveryMode: "expectReplies");

        var response = await Activities.PostAsync(client, activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]![0]!["text"]!;
        Assert.Contains("Please type a question", reply);
    }

    [Fact]
    public async Task Huge_message_is_answered_and_the_user_is_told_it_was_cut()
    {
        var huge = string.Concat(Enumerable.Repeat("trade between Tajikistan and Kazakhstan ", 2000));
        var activity = Activities.Message(huge, connector.ServiceUrl, "conv-huge", deliveryMode: "expectReplies");

        var response = await Activities.PostAsync(client, activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]![0]!["text"]!;
        Assert.Contains("[1]", reply);
        Assert.Contains("first 2,000 characters", reply);
    }
}
