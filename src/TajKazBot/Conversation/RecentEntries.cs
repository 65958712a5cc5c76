namespace TajKazBot.Conversation;

/// <summary>
/// The bookkeeping behind <see cref="BoundedMemoryStorage"/>: serialized entries by key, at most
/// <paramref name="capacity"/> of them (least recently used forgotten first), each forgotten after
/// <paramref name="idleTimeToLive"/> unused. Every write gets a new ETag, and a write that names an
/// older one than the entry holds is refused.
/// </summary>
public sealed class RecentEntries(int capacity, TimeSpan idleTimeToLive, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> entries = new(StringComparer.Ordinal);

    /// <summary>Most recently used first, so the idle and the least recently used are at the end.</summary>
    private readonly LinkedList<Entry> recency = new();

    private long lastETag;

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

    /// <summary>The entry's bytes and ETag, marked as just used; null when there is none or it has been idle too long.</summary>
    public (byte[] Json, string ETag)? Take(string key)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (!entries.TryGetValue(key, out var node))
            {
                return null;
            }
            if (now - node.Value.LastUsed > idleTimeToLive)
            {
                Forget(node);
                return null;
            }
            node.Value.LastUsed = now;
            recency.Remove(node);
            recency.AddFirst(node);
            return (node.Value.Json, node.Value.ETag);
        }
    }

    /// <param name="expectedETag">The ETag the writer read; null, empty or <c>*</c> overwrites whatever is there.</param>
    public void Put(string key, string? expectedETag, byte[] json)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (entries.TryGetValue(key, out var existing))
            {
                // The optimistic concurrency IStorage promises: a writer that read an older version loses.
                if (expectedETag is { Length: > 0 } && expectedETag != "*" && expectedETag != existing.Value.ETag)
                {
                    throw new ETagConflictException(key, expectedETag, existing.Value.ETag);
                }
                Forget(existing);
            }
            var eTag = (++lastETag).ToString(System.Globalization.CultureInfo.InvariantCulture);
            entries[key] = recency.AddFirst(new Entry(key, json, eTag) { LastUsed = now });
            while (recency.Last is { } oldest && (entries.Count > capacity || now - oldest.Value.LastUsed > idleTimeToLive))
            {
                Forget(oldest);
            }
        }
    }

    public void Remove(string key)
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
