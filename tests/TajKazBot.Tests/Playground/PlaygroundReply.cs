using System.Text.Json.Nodes;

namespace TajKazBot.Tests.Playground;

/// <summary>An activity the bot posted to the playground's connector, and the connector's answer.</summary>
/// <param name="Status">The connector's HTTP status: 2xx when the playground accepted the activity.</param>
public sealed record PlaygroundReply(int Status, JsonNode Activity, string? Error)
{
    public string Type => (string?)Activity["type"] ?? "";

    public string Text => (string?)Activity["text"] ?? "";
}
