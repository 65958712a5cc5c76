namespace TajKazBot.Conversation;

/// <summary>Settings section <c>Storage</c>.</summary>
public sealed class StorageSettings
{
    public const string Section = "Storage";

    public StorageKind Kind { get; set; } = StorageKind.Memory;

    /// <summary>StackExchange.Redis connection string (<c>host:port,password=…,ssl=true</c>); required when <see cref="Kind"/> is Redis.</summary>
    public string Redis { get; set; } = "";

    /// <summary>How long a conversation's state outlives its last change in Redis, in hours.</summary>
    public int TimeToLiveHours { get; set; } = 168;
}
