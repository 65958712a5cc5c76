namespace TajKazBot.Conversation;

/// <summary>
/// A write whose ETag no longer matches the stored item's: someone changed the item since it was read.
/// An <see cref="ArgumentException"/> with the message Bot Framework's own <c>MemoryStorage</c> gives a conflict.
/// </summary>
public sealed class ETagConflictException(string key, string expected, string? current)
    : ArgumentException($"Etag conflict.\r\n\r\nKey: {key}\r\nOriginal: {expected}\r\nCurrent: {current}");
