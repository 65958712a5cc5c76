namespace TajKazBot.Conversation;

/// <summary>Settings section <c>ConversationStorage</c>: how much conversation state the bot keeps in memory.</summary>
public sealed class ConversationStorageSettings
{
    public const string Section = "ConversationStorage";

    /// <summary>Conversations kept at most; the least recently used one is forgotten first.</summary>
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>A conversation not used for this long is forgotten.</summary>
    public TimeSpan IdleTimeToLive { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Largest state one conversation may store, as serialised UTF-8. The bot keeps a few turns and
    /// answers per conversation, far below this; a state above it is not stored (and a warning logged).
    /// </summary>
    public int MaxConversationBytes { get; set; } = 64 * 1024;
}
