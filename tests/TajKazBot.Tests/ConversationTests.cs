using System.Text.Json.Nodes;
using TajKazBot.Commands;
using TajKazBot.Conversation;
using TajKazBot.Hosting;
using TajKazBot.Rendering;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests;

/// <summary>Teams-shaped conversations (scopes, mentions, installs, commands) against the bot on real Kestrel.</summary>
public sealed class ConversationTests : IClassFixture<BotEndpointTests.Host>, IAsyncLifetime
{
    private readonly HttpClient client;
    private readonly FakeConnector connector = new();

    public ConversationTests(BotEndpointTests.Host host) => client = host.Bot.Client();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await connector.DisposeAsync();

    private static JsonObject InTeams(JsonObject activity, string conversationType)
    {
        activity["channelId"] = "msteams";
        activity["conversation"]!["conversationType"] = conversationType;
        return activity;
    }

    private static JsonObject Mentioning(string text, string serviceUrl, string conversationId, string conversationType)
    {
        var activity = InTeams(Activities.Message($"<at>TajKazBot</at> {text}", serviceUrl, conversationId), conversationType);
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>TajKazBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = "bot-1", ["name"] = "TajKazBot" },
        });
        return activity;
    }

    private async Task<List<PostedActivity>> SendAsync(JsonObject activity, int expectedMessages = 1)
    {
        var conversation = (string)activity["conversation"]!["id"]!;
        var before = connector.Received.Count(a => a.ConversationId == conversation && (string?)a.Body["type"] == "message");
        var response = await Activities.PostAsync(client, activity);
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}");
        if (expectedMessages > 0)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (connector.Received.Count(a => a.ConversationId == conversation && (string?)a.Body["type"] == "message") < before + expectedMessages
                && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
        return connector.Received.Where(a => a.ConversationId == conversation).ToList();
    }

    [Theory]
    [InlineData("groupChat")]
    [InlineData("channel")]
    public async Task Mention_is_removed_so_a_question_is_answered_without_suggested_actions(string scope)
    {
        var conversation = "conv-mention-" + scope;

        var posted = await SendAsync(Mentioning("Where is Kazakhstan's embassy in Tajikistan?", connector.ServiceUrl, conversation, scope));

        // Teams shows no suggested actions outside one-to-one chats, so no follow-up message either.
        var reply = Assert.Single(posted, p => (string?)p.Body["type"] == "message").Body;
        Assert.Contains("(formerly Astana).** [1]\n\n", (string)reply["text"]!);
        Assert.Null(reply["suggestedActions"]);
        Assert.Equal("https://schema.org/Message", (string?)reply["entities"]![0]!["type"]);
    }

    [Fact]
    public async Task Mentioned_command_runs_in_a_channel()
    {
        var posted = await SendAsync(Mentioning("help", connector.ServiceUrl, "conv-mention-help", "channel"));

        Assert.Contains("**source N**", (string)Assert.Single(posted, p => (string?)p.Body["type"] == "message").Body["text"]!);
    }

    [Fact]
    public async Task A_question_is_preceded_by_a_typing_indicator()
    {
        var posted = await SendAsync(Activities.Message("During which years was Tajikistan's civil war fought?", connector.ServiceUrl, "conv-typing"), expectedMessages: 2);

        var types = posted.Select(p => (string?)p.Body["type"]).ToList();
        Assert.Equal(["typing", "message", "message"], types);
        Assert.Contains("civil war", (string)posted[1].Body["text"]!);
        Assert.Null(posted[1].Body["suggestedActions"]);
        Assert.Equal("Related questions:", (string?)posted[2].Body["text"]);
        Assert.InRange(posted[2].Body["suggestedActions"]!["actions"]!.AsArray().Count, 1, 3);
    }

    [Theory]
    [InlineData("personal")]
    [InlineData("groupChat")]
    [InlineData("channel")]
    public async Task Install_in_any_scope_gets_the_welcome(string scope)
    {
        var conversation = "conv-install-" + scope;
        var install = InTeams(Activities.MembersAdded(connector.ServiceUrl, conversation), scope);
        install["type"] = "installationUpdate";
        install["action"] = "add";
        install.Remove("membersAdded");

        var posted = await SendAsync(install);

        Assert.StartsWith("Hi! I answer questions", (string)posted[0].Body["text"]!);
        Assert.Single(posted, p => ((string?)p.Body["text"])?.StartsWith("Hi!", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Uninstall_gets_no_message()
    {
        var remove = InTeams(Activities.MembersAdded(connector.ServiceUrl, "conv-uninstall"), "personal");
        remove["type"] = "installationUpdate";
        remove["action"] = "remove";
        remove.Remove("membersAdded");

        var posted = await SendAsync(remove, expectedMessages: 0);

        Assert.Empty(posted);
    }

    [Fact]
    public async Task In_Teams_the_bot_being_added_is_left_to_installationUpdate_but_a_user_joining_is_welcomed()
    {
        var botAndUser = InTeams(Activities.MembersAdded(connector.ServiceUrl, "conv-join"), "channel");
        var userJoins = InTeams(Activities.MembersAdded(connector.ServiceUrl, "conv-join"), "channel");
        userJoins["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "user-2", ["name"] = "New colleague" });

        await SendAsync(botAndUser, expectedMessages: 0);
        var posted = await SendAsync(userJoins);

        Assert.StartsWith("Hi! I answer questions", (string)posted[0].Body["text"]!);
        Assert.Single(posted, p => ((string?)p.Body["text"])?.StartsWith("Hi!", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_decline_or_small_talk_keeps_the_last_answer_for_more_and_source()
    {
        const string conversation = "conv-decline-keeps";
        await SendAsync(Activities.Message("Where is Kazakhstan's embassy in Tajikistan?", connector.ServiceUrl, conversation), 2);
        await SendAsync(Activities.Message("What is the capital of Uzbekistan?", connector.ServiceUrl, conversation), 2);
        await SendAsync(Activities.Message("thanks!", connector.ServiceUrl, conversation), 2);

        var posted = await SendAsync(Activities.Message("source 1", connector.ServiceUrl, conversation));

        var messages = posted.Where(p => (string?)p.Body["type"] == "message").Select(p => (string)p.Body["text"]!).ToList();
        Assert.Contains(messages, m => m.Contains("doesn't mention “Uzbekistan”", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("You're welcome!", StringComparison.Ordinal));
        Assert.StartsWith("[1] **Diplomatic Relations › Diplomatic Missions and Representation**", messages[^1]);
    }

    [Fact]
    public async Task More_and_source_before_any_question_say_so()
    {
        var more = await SendAsync(Activities.Message("more", connector.ServiceUrl, "conv-fresh"));
        var source = await SendAsync(Activities.Message("source 2", connector.ServiceUrl, "conv-fresh"));

        Assert.Equal(CommandHandler.NoEarlierAnswer, (string)more[0].Body["text"]!);
        Assert.Contains("no cited answer", (string)source[1].Body["text"]!);
    }

    [Fact]
    public async Task Source_out_of_range_names_the_sources_there_are()
    {
        await SendAsync(Activities.Message("Where is Kazakhstan's embassy in Tajikistan?", connector.ServiceUrl, "conv-range"));

        var posted = await SendAsync(Activities.Message("source 9", connector.ServiceUrl, "conv-range"));

        Assert.Equal("My last answer has no source 9. Its sources are 1, 2, 3.", (string)posted.Last().Body["text"]!);
    }

    [Fact]
    public async Task Topic_by_number_or_unknown_name_answers()
    {
        var known = await SendAsync(Activities.Message("topic 2", connector.ServiceUrl, "conv-topic"));
        var unknown = await SendAsync(Activities.Message("topic Space Programme", connector.ServiceUrl, "conv-topic"));

        Assert.StartsWith("**Diplomatic Relations** covers:", (string)known[0].Body["text"]!);
        Assert.Contains(unknown, p => ((string?)p.Body["text"])?.StartsWith("I don't know a section called “Space Programme”", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Feedback_names_the_question_of_the_message_judged_not_just_the_last_one()
    {
        var log = TempFiles.FeedbackLog();
        using var bot = new BotHost(new Dictionary<string, string?> { ["Feedback:LogPath"] = log });
        var botClient = bot.Client();
        const string conversation = "conv-feedback";
        await Activities.PostAsync(botClient, InTeams(Activities.Message("Where is Kazakhstan's embassy in Tajikistan?", connector.ServiceUrl, conversation), "personal"));
        var first = await connector.WaitForAsync(conversation, "message");
        await Activities.PostAsync(botClient, InTeams(Activities.Message("Who won the 2018 FIFA World Cup?", connector.ServiceUrl, conversation), "personal"));

        var invoke = Activities.Feedback(connector.ServiceUrl, conversation, "like", "{\"feedbackText\":\"spot on\"}", first.Id);
        var response = await Activities.PostAsync(botClient, invoke);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var line = JsonNode.Parse(Assert.Single(File.ReadAllLines(log)))!;
        File.Delete(log);
        Assert.Equal("Where is Kazakhstan's embassy in Tajikistan?", (string?)line["question"]);
        Assert.Equal("Extractive", (string?)line["kind"]);
        Assert.Equal("like", (string?)line["reaction"]);
        Assert.Equal("spot on", (string?)line["text"]);
        Assert.Equal(first.Id, (string?)line["replyToId"]);
    }

    [Fact]
    public async Task Unknown_invoke_and_malformed_feedback_do_not_fail_the_turn()
    {
        var invoke = InTeams(Activities.Message("", connector.ServiceUrl, "conv-bad-invoke"), "personal");
        invoke["type"] = "invoke";
        invoke["name"] = "message/submitAction";
        invoke["value"] = new JsonObject { ["actionName"] = "feedback", ["actionValue"] = "not an object" };

        var response = await Activities.PostAsync(client, invoke);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(connector.Received, p => p.ConversationId == "conv-bad-invoke");
    }
}
