using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using StackExchange.Redis;
using TajKazBot.Conversation;
using TajKazBot.Hosting;
using TajKazBot.Core.Answering;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests.Storage;

/// <summary>The <see cref="IStorage"/> contract of <see cref="RedisStorage"/>, against a real redis-server, next to what <see cref="MemoryStorage"/> does.</summary>
public sealed class RedisStorageTests : IClassFixture<RedisServer>, IDisposable
{
    private readonly ConnectionMultiplexer? redis;
    private readonly string botId = "test-" + Guid.NewGuid().ToString("N")[..8];

    public RedisStorageTests(RedisServer server)
    {
        if (RedisServer.Binary is not null)
        {
            redis = ConnectionMultiplexer.Connect(StorageRegistration.RedisDefaults + "," + server.ConnectionString);
        }
    }

    public void Dispose() => redis?.Dispose();

    private RedisStorage Store(TimeSpan? timeToLive = null, string? bot = null) =>
        new(redis!, new RedisKeys(bot ?? botId), timeToLive ?? TimeSpan.FromHours(1));

    [RedisFact]
    public async Task Missing_keys_read_as_absent()
    {
        var items = await Store().ReadAsync(["emulator/conversations/none"]);

        Assert.Empty(items);
    }

    [RedisFact]
    public async Task Conversation_state_reads_back_as_the_bots_own_types()
    {
        var store = Store();
        var state = new ConversationData
        {
            History = [new("Where is the embassy?", "In Dushanbe [1].")],
            Last = new LastAnswer("Where is the embassy?", AnswerKind.Extractive,
                [new CitedPassage(1, "corpus.txt#3", 0.9)], [new RankedPassage("corpus.txt#3", 0.9, ["embassy"])]),
            Answered = [new AnsweredMessage("m1", "Where is the embassy?", AnswerKind.Extractive)],
        };

        await store.WriteAsync(new Dictionary<string, object> { ["emulator/conversations/c1"] = state });
        var read = Assert.IsType<ConversationData>((await store.ReadAsync(["emulator/conversations/c1", "emulator/conversations/other"]))["emulator/conversations/c1"]);

        Assert.Equal("In Dushanbe [1].", read.History.Single().AnswerText);
        Assert.False(string.IsNullOrEmpty(read.ETag));
        Assert.Equal("m1", read.Answered.Single().ActivityId);
        var last = read.Last!;
        Assert.Equal(AnswerKind.Extractive, last.Kind);
        Assert.Equal(["embassy"], last.Ranked.Single().MatchedTerms);
    }

    [RedisFact]
    public async Task Delete_removes_the_item()
    {
        var store = Store();
        await store.WriteAsync(new Dictionary<string, object> { ["k"] = new StoredNote { Text = "x" } });

        await store.DeleteAsync(["k"]);

        Assert.Empty(await store.ReadAsync(["k"]));
    }

    [RedisFact]
    public async Task A_null_written_reads_as_absent_as_in_MemoryStorage()
    {
        foreach (var store in new IStorage[] { new MemoryStorage(), Store() })
        {
            await store.WriteAsync(new Dictionary<string, object> { ["nothing"] = null! });

            Assert.Empty(await store.ReadAsync(["nothing"]));
        }
    }

    [RedisFact]
    public async Task A_write_with_a_stale_etag_fails_as_in_MemoryStorage_and_star_overwrites()
    {
        foreach (var store in new IStorage[] { new MemoryStorage(), Store() })
        {
            await store.WriteAsync(new Dictionary<string, object> { ["note"] = new StoredNote { Text = "first" } });
            var read = (StoredNote)(await store.ReadAsync(["note"]))["note"];
            Assert.False(string.IsNullOrEmpty(read.ETag));

            read.Text = "second";
            await store.WriteAsync(new Dictionary<string, object> { ["note"] = read });
            var stale = new StoredNote { Text = "lost update", ETag = read.ETag };
            var conflict = await Assert.ThrowsAnyAsync<Exception>(() => store.WriteAsync(new Dictionary<string, object> { ["note"] = stale }));

            Assert.IsAssignableFrom<ArgumentException>(conflict);
            Assert.StartsWith("Etag conflict.", conflict.Message);
            Assert.Equal("second", ((StoredNote)(await store.ReadAsync(["note"]))["note"]).Text);

            await store.WriteAsync(new Dictionary<string, object> { ["note"] = new StoredNote { Text = "star", ETag = "*" } });
            Assert.Equal("star", ((StoredNote)(await store.ReadAsync(["note"]))["note"]).Text);
        }
    }

    [RedisFact]
    public async Task A_write_without_an_etag_overwrites_as_the_SDKs_durable_stores_do()
    {
        // MemoryStorage alone treats a missing ETag as a conflict; Blob and Cosmos DB storage write unconditionally.
        var store = Store();
        await store.WriteAsync(new Dictionary<string, object> { ["note"] = new StoredNote { Text = "first" } });

        await store.WriteAsync(new Dictionary<string, object> { ["note"] = new StoredNote { Text = "no etag" } });

        Assert.Equal("no etag", ((StoredNote)(await store.ReadAsync(["note"]))["note"]).Text);
    }

    [RedisFact]
    public async Task Items_expire_after_the_time_to_live_and_each_write_renews_it()
    {
        var store = Store(TimeSpan.FromSeconds(1));
        await store.WriteAsync(new Dictionary<string, object> { ["short"] = new StoredNote { Text = "x" } });

        var ttl = await redis!.GetDatabase().KeyTimeToLiveAsync(new RedisKeys(botId).State("short"));
        Assert.InRange(ttl!.Value, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Empty(await store.ReadAsync(["short"]));
    }

    [RedisFact]
    public async Task Bots_with_different_ids_do_not_see_each_others_items()
    {
        await Store(bot: botId + "-a").WriteAsync(new Dictionary<string, object> { ["same-key"] = new StoredNote { Text = "a" } });

        Assert.Empty(await Store(bot: botId + "-b").ReadAsync(["same-key"]));
        Assert.Single(await Store(bot: botId + "-a").ReadAsync(["same-key"]));
    }

    [RedisFact]
    public async Task A_planted_type_name_is_not_deserialized()
    {
        await redis!.GetDatabase().HashSetAsync(new RedisKeys(botId).State("planted"),
            [new("etag", "1"), new("json", """{"$type":"System.IO.FileInfo, System.IO.FileSystem","fileName":"/etc/passwd"}""")]);

        await Assert.ThrowsAsync<JsonSerializationException>(() => Store().ReadAsync(["planted"]));
    }
}
