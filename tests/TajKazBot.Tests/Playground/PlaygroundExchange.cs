using System.Text.Json.Nodes;

namespace TajKazBot.Tests.Playground;

/// <summary>One message sent through the playground and what the bot sent back for it.</summary>
/// <param name="BotStatus">The HTTP status the bot answered the playground's POST /api/messages with.</param>
public sealed record PlaygroundExchange(int BotStatus, IReadOnlyList<PlaygroundReply> Replies)
{
    public IReadOnlyList<PlaygroundReply> Messages => Replies.Where(r => r.Type == "message").ToList();

    public PlaygroundReply SingleMessage => Assert.Single(Messages);
}

/// <summary>An activity the bot posted to the playground's connector, and the connector's answer.</summary>
/// <param name="Status">The connector's HTTP status: 2xx when the playground accepted the activity.</param>
public sealed record PlaygroundReply(int Status, JsonNode Activity, string? Error)
{
    public string Type => (string?)Activity["type"] ?? "";

    public string Text => (string?)Activity["text"] ?? "";
}
