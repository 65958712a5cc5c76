using System.Text.Json.Nodes;

namespace TajKazBot.Tests.Support;

/// <summary>Talks to a bot with expectReplies and returns what the user would see: each reply's text and its buttons.</summary>
public static class BotChat
{
    public static async Task<List<string>> SendAsync(HttpClient client, string conversationId, string text, string channelId = "emulator")
    {
        var response = await Activities.PostAsync(client, Activities.Message(text, "http://127.0.0.1:9/", conversationId, channelId, deliveryMode: "expectReplies"));
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["activities"]!.AsArray()
            .Select(a => (string?)a!["text"] + string.Concat((a["suggestedActions"]?["actions"]?.AsArray() ?? []).Select(b => $" [{(string?)b!["title"]}]")))
            .ToList();
    }
}
