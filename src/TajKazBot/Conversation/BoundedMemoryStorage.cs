using System.Text;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;

namespace TajKazBot.Conversation;

/// <summary>
/// In-memory <see cref="IStorage"/> that stays bounded however many conversations arrive: at most
/// <see cref="ConversationStorageSettings.MaxConversations"/> entries (least recently used forgotten first),
/// each forgotten after <see cref="ConversationStorageSettings.IdleTimeToLive"/> unused, none larger than
/// <see cref="ConversationStorageSettings.MaxConversationBytes"/>. Bot Framework's <c>MemoryStorage</c>
/// never forgets, so its memory grows with every new conversation id.
/// </summary>
/// <remarks>
/// Entries are kept as compact UTF-8 JSON rather than as object graphs, which both makes the size cap
/// exact and takes a fraction of the memory. Types are recorded as <c>MemoryStorage</c> records them, so
/// state reads back as the types it was written as; only this class writes what it reads.
/// </remarks>
public sealed class BoundedMemoryStorage(ConversationStorageSettings settings, TimeProvider time, ILogger<BoundedMemoryStorage> logger) : IStorage
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.All,
        MaxDepth = 64,
    });

    private readonly Lock gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> entries = new(StringComparer.Ordinal);

    /// <summary>Most recently used first, so the idle and the least recently used are at the end.</summary>
    private readonly LinkedList<Entry> recency = new();

    private long lastETag;

    /// <summary>Entries held now (for tests and the reliability check).</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, object>(keys.Length);
        foreach (var key in keys)
        {
            if (Take(key) is not { } entry)
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
                Remove(key);
                continue;
            }
            Put(key, value as IStoreItem, json);
        }
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            Remove(key);
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

    private Entry? Take(string key)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (!entries.TryGetValue(key, out var node))
            {
                return null;
            }
            if (now - node.Value.LastUsed > settings.IdleTimeToLive)
            {
                Forget(node);
                return null;
            }
            node.Value.LastUsed = now;
            recency.Remove(node);
            recency.AddFirst(node);
            return node.Value;
        }
    }

    private void Put(string key, IStoreItem? item, byte[] json)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (entries.TryGetValue(key, out var existing))
            {
                // The optimistic concurrency IStorage promises: a writer that read an older version loses.
                if (item is { ETag: { Length: > 0 } expected } && expected != "*" && expected != existing.Value.ETag)
                {
                    throw new ETagConflictException(key, expected, existing.Value.ETag);
                }
                Forget(existing);
            }
            var eTag = (++lastETag).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var node = recency.AddFirst(new Entry(key, json, eTag) { LastUsed = now });
            entries[key] = node;
            while (recency.Last is { } oldest && (entries.Count > settings.MaxConversations || now - oldest.Value.LastUsed > settings.IdleTimeToLive))
            {
                Forget(oldest);
            }
        }
    }

    private void Remove(string key)
    {
        lock (gate)
        {
            if (entries.TryGetValue(key, out var node))
            {
                Forget(node);
            }
        }
    }

    private void Forget(LinkedListNode<Entry> node)
    {
        recency.Remove(node);
        entries.Remove(node.Value.Key);
    }

    private sealed class Entry(string key, byte[] json, string eTag)
    {
        public string Key { get; } = key;

        public byte[] Json { get; } = json;

        public string ETag { get; } = eTag;

        public DateTimeOffset LastUsed { get; set; }
    }
}
