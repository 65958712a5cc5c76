using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StackExchange.Redis;

namespace TajKazBot.Conversation;

/// <summary>
/// Bot Framework <see cref="IStorage"/> on Redis, so every instance behind a load balancer sees the same
/// conversations. Each item is a hash of its JSON and its ETag; a write is one Lua script, so the ETag
/// check and the write are atomic across instances. A <see cref="IStoreItem"/> whose ETag is neither
/// <c>*</c> nor empty nor the stored one is a conflict, thrown as <see cref="MemoryStorage"/> throws it;
/// anything else overwrites, as the SDK's Blob and Cosmos DB stores do (MemoryStorage alone refuses a
/// missing ETag). Every write renews the item's time to live.
/// </summary>
public sealed class RedisStorage(IConnectionMultiplexer redis, RedisKeys names, TimeSpan timeToLive) : IStorage
{
    private const string JsonField = "json";

    // KEYS[1] item; ARGV: expected ETag ("" = any), JSON, new ETag, time to live in ms.
    private static readonly LuaScript Write = LuaScript.Prepare("""
        if @expected ~= '' then
          local current = redis.call('HGET', @key, 'etag')
          if current and current ~= @expected then return current end
        end
        redis.call('HSET', @key, 'etag', @etag, 'json', @json)
        redis.call('PEXPIRE', @key, @ttl)
        return false
        """);

    // MemoryStorage's serializer settings, with type names on objects only (lists read back as their declared
    // types) and limited to the bot's own state.
    private readonly JsonSerializer serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.Objects,
        NullValueHandling = NullValueHandling.Include,
        SerializationBinder = new StateTypesBinder(),
        MaxDepth = null,
    });

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var database = redis.GetDatabase();
        var reads = keys.Distinct().Select(async key => (key, json: await database.HashGetAsync(names.State(key), JsonField))).ToList();
        var items = new Dictionary<string, object>();
        foreach (var (key, json) in await Task.WhenAll(reads))
        {
            // A null written is absent on read, as in MemoryStorage.
            if (json.HasValue && JToken.Parse(json.ToString()) is { Type: not JTokenType.Null } item)
            {
                items[key] = item.ToObject<object>(serializer)!;
            }
        }
        return items;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        var database = redis.GetDatabase();
        foreach (var (key, value) in changes)
        {
            var expected = value is IStoreItem { ETag: { Length: > 0 } etag } && etag != "*" ? etag : "";
            var newETag = Guid.NewGuid().ToString("N");
            var json = value is null ? JValue.CreateNull() : JToken.FromObject(value, serializer);
            if (value is IStoreItem && json is JObject item)
            {
                // The item's own ETag property would otherwise sit beside the new one, differing only in case.
                foreach (var stale in item.Properties().Where(p => string.Equals(p.Name, "eTag", StringComparison.OrdinalIgnoreCase)).ToList())
                {
                    stale.Remove();
                }
                item["eTag"] = newETag;
            }
            var conflict = await database.ScriptEvaluateAsync(Write, new
            {
                key = (RedisKey)names.State(key),
                expected,
                etag = newETag,
                json = json.ToString(Formatting.None),
                ttl = (long)timeToLive.TotalMilliseconds,
            });
            if (!conflict.IsNull)
            {
                throw new ETagConflictException(key, expected, conflict.ToString());
            }
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        if (keys.Length > 0)
        {
            await redis.GetDatabase().KeyDeleteAsync(keys.Select(k => (RedisKey)names.State(k)).ToArray());
        }
    }
}
