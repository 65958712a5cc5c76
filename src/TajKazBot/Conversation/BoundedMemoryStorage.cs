using System.Text;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;

namespace TajKazBot.Conversation;

/// <summary>
/// In-memory <see cref="IStorage"/> that stays bounded however many conversations arrive: at most
/// <see cref="ConversationStorageSettings.MaxConversations"/> entries (least recently used forgotten first),
/// each forgotten after <see cref="ConversationStorageSettings.IdleTimeToLive"/> unused (both kept by
/// <see cref="RecentEntries"/>), none larger than <see cref="ConversationStorageSettings.MaxConversationBytes"/>.
/// Bot Framework's <c>MemoryStorage</c> never forgets, so its memory grows with every new conversation id.
/// </summary>
/// <remarks>
/// Entries are kept as compact UTF-8 JSON rather than as object graphs, which both makes the size cap
/// exact and takes a fraction of the memory. Every object records its type, as in <c>MemoryStorage</c>, so
/// state reads back as the types it was written as; lists do not (their declared types say what they hold),
/// which keeps each write smaller. Only this class writes what it reads.
/// </remarks>
public sealed class BoundedMemoryStorage(ConversationStorageSettings settings, TimeProvider time, ILogger<BoundedMemoryStorage> logger) : IStorage
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.Objects,
        MaxDepth = 64,
    });

    private readonly RecentEntries entries = new(settings.MaxConversations, settings.IdleTimeToLive, time);

    /// <summary>Entries held now (for tests and the reliability check).</summary>
    public int Count => entries.Count;

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, object>(keys.Length);
        foreach (var key in keys)
        {
            if (entries.Take(key) is not { } entry)
            {
                continue;
            }
            using var reader = new JsonTextReader(new StreamReader(new MemoryStream(entry.Json), Encoding.UTF8));
            var value = Serializer.Deserialize(reader);
            if (value is IStoreItem item)
            {
                item.ETag = entry.ETag;
            }
            if (value is not null)
            {
                found[key] = value;
            }
        }
        return Task.FromResult<IDictionary<string, object>>(found);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (key, value) in changes)
        {
            var json = Serialize(value);
            if (json.Length > settings.MaxConversationBytes)
            {
                // Dropping the state costs the user their follow-up context; keeping it would let one
                // conversation hold memory without limit.
                logger.LogWarning("Did not store conversation state of {Bytes} bytes, over the limit of {Limit}", json.Length, settings.MaxConversationBytes);
                entries.Remove(key);
                continue;
            }
            entries.Put(key, (value as IStoreItem)?.ETag, json);
        }
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            entries.Remove(key);
        }
        return Task.CompletedTask;
    }

    private static byte[] Serialize(object? value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true))
        {
            Serializer.Serialize(writer, value);
        }
        return buffer.ToArray();
    }
}
