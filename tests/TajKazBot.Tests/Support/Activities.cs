using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TajKazBot.Tests.Support;

/// <summary>Builds incoming activities as a channel sends them, and posts them to the bot.</summary>
public static class Activities
{
    public static JsonObject Message(string text, string serviceUrl, string conversationId, string channelId = "emulator", string? deliveryMode = null)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = "act-" + Guid.NewGuid().ToString("N")[..8],
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("o"),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = channelId,
            ["from"] = new JsonObject { ["id"] = "user-1", ["name"] = "User" },
            ["recipient"] = new JsonObject { ["id"] = "bot-1", ["name"] = "TajKazBot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["text"] = text,
            ["locale"] = "en-US",
        };
        if (deliveryMode is not null)
        {
            activity["deliveryMode"] = deliveryMode;
        }
        return activity;
    }

    public static JsonObject MembersAdded(string serviceUrl, string conversationId, string channelId = "emulator") => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = "act-" + Guid.NewGuid().ToString("N")[..8],
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = channelId,
        ["from"] = new JsonObject { ["id"] = "user-1", ["name"] = "User" },
        ["recipient"] = new JsonObject { ["id"] = "bot-1", ["name"] = "TajKazBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId },
        ["membersAdded"] = new JsonArray(
            new JsonObject { ["id"] = "bot-1", ["name"] = "TajKazBot" },
            new JsonObject { ["id"] = "user-1", ["name"] = "User" }),
    };

    /// <summary>What Teams' 👍/👎 form sends: a <c>message/submitAction</c> invoke with <c>actionName: feedback</c>, in a personal chat.</summary>
    /// <param name="feedback">The form's <c>feedback</c> field: Teams sends the JSON string <c>{"feedbackText": "…"}</c>.</param>
    public static JsonObject Feedback(string serviceUrl, string conversationId, string reaction, JsonNode? feedback, string? replyToId = null)
    {
        var invoke = Message("", serviceUrl, conversationId, channelId: "msteams");
        invoke["conversation"]!["conversationType"] = "personal";
        invoke["type"] = "invoke";
        invoke["name"] = "message/submitAction";
        invoke["replyToId"] = replyToId;
        invoke["value"] = new JsonObject
        {
            ["actionName"] = "feedback",
            ["actionValue"] = new JsonObject { ["reaction"] = reaction, ["feedback"] = feedback },
        };
        return invoke;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject activity) =>
        client.PostAsJsonAsync("/api/messages", activity);
}
