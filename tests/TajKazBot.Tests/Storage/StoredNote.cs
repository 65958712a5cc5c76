using Microsoft.Bot.Builder;

namespace TajKazBot.Tests.Storage;

/// <summary>A store item with an ETag, as a bot's own state class with optimistic concurrency would be.</summary>
public sealed class StoredNote : IStoreItem
{
    public string Text { get; set; } = "";

    public string? ETag { get; set; }
}
