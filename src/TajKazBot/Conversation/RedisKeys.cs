namespace TajKazBot.Conversation;

/// <summary>
/// Names every key the bot writes to Redis under one prefix per bot id, so that several bots (or a
/// test bot and a production one) can share a server without reading each other's conversations.
/// </summary>
public sealed record RedisKeys(string BotId)
{
    /// <summary>The bot id used when <c>MicrosoftAppId</c> is empty (local, unauthenticated use).</summary>
    public const string LocalBotId = "local";

    public string Prefix => $"tajkazbot:{BotId}:";

    public string State(string storageKey) => $"{Prefix}state:{storageKey}";

    public string Feedback => $"{Prefix}feedback";
}
