namespace TajKazBot.Conversation;

/// <summary>Where conversation state (and, with Redis, feedback) is kept.</summary>
public enum StorageKind
{
    /// <summary>In this instance's memory: lost on restart and not shared with other instances.</summary>
    Memory,

    /// <summary>In Redis, shared by every instance that names the same server and bot id.</summary>
    Redis,
}
