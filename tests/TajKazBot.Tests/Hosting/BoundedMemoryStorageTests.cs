using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using TajKazBot.Conversation;
using TajKazBot.Hosting;
using TajKazBot.Core.Answering;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests.Hosting;

public sealed class BoundedMemoryStorageTests
{
    private readonly ManualClock clock = new();

    private BoundedMemoryStorage Storage(int maxConversations = 3, int maxBytes = 64 * 1024) => new(
        new ConversationStorageSettings { MaxConversations = maxConversations, IdleTimeToLive = TimeSpan.FromHours(24), MaxConversationBytes = maxBytes },
        clock,
        NullLogger<BoundedMemoryStorage>.Instance);

    private static ConversationData State(string question) => new()
    {
        History = [new(question, "an answer")],
        Last = new LastAnswer(question, AnswerKind.Extractive, [new CitedPassage(1, "corpus.txt#3", 0.5)], []),
    };

    [Fact]
    public async Task State_reads_back_as_the_types_it_was_written_as()
    {
        var storage = Storage();
        await storage.WriteAsync(new Dictionary<string, object> { ["c1"] = State("trade?") });

        var read = Assert.IsType<ConversationData>(Assert.Single(await storage.ReadAsync(["c1", "missing"])).Value);

        Assert.Equal("trade?", read.History.Single().Question);
        Assert.Equal("corpus.txt#3", read.Last!.Cited.Single().PassageId);
        Assert.False(string.IsNullOrEmpty(read.ETag));
    }

    [Fact]
    public async Task Past_the_cap_the_least_recently_used_conversation_is_forgotten()
    {
        var storage = Storage(maxConversations: 3);
        foreach (var id in new[] { "a", "b", "c" })
        {
            await storage.WriteAsync(new Dictionary<string, object> { [id] = State(id) });
            clock.Advance(TimeSpan.FromMinutes(1));
        }
        await storage.ReadAsync(["a"]);

        await storage.WriteAsync(new Dictionary<string, object> { ["d"] = State("d") });

        Assert.Equal(3, storage.Count);
        Assert.Equal(["a", "c", "d"], (await storage.ReadAsync(["a", "b", "c", "d"])).Keys.Order());
    }

    [Fact]
    public async Task A_conversation_idle_longer_than_the_time_to_live_is_forgotten()
    {
        var storage = Storage();
        await storage.WriteAsync(new Dictionary<string, object> { ["old"] = State("old") });
        clock.Advance(TimeSpan.FromHours(23));
        await storage.WriteAsync(new Dictionary<string, object> { ["recent"] = State("recent") });
        clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(["recent"], (await storage.ReadAsync(["old", "recent"])).Keys);
        Assert.Equal(1, storage.Count);
    }

    [Fact]
    public async Task A_state_over_the_size_cap_is_not_kept()
    {
        var storage = Storage(maxBytes: 4096);
        await storage.WriteAsync(new Dictionary<string, object> { ["c"] = State("small") });

        await storage.WriteAsync(new Dictionary<string, object> { ["c"] = State(new string('x', 10_000)) });

        Assert.Empty(await storage.ReadAsync(["c"]));
    }

    [Fact]
    public async Task A_write_based_on_an_older_read_is_refused()
    {
        var storage = Storage();
        await storage.WriteAsync(new Dictionary<string, object> { ["c"] = new StoreItem { Value = 1 } });
        var first = (StoreItem)(await storage.ReadAsync(["c"]))["c"];
        var second = (StoreItem)(await storage.ReadAsync(["c"]))["c"];
        await storage.WriteAsync(new Dictionary<string, object> { ["c"] = first with { Value = 2 } });

        await Assert.ThrowsAsync<ETagConflictException>(() => storage.WriteAsync(new Dictionary<string, object> { ["c"] = second with { Value = 3 } }));
        Assert.Equal(2, ((StoreItem)(await storage.ReadAsync(["c"]))["c"]).Value);
    }

    [Fact]
    public async Task Deleted_state_is_gone()
    {
        var storage = Storage();
        await storage.WriteAsync(new Dictionary<string, object> { ["c"] = State("q") });

        await storage.DeleteAsync(["c"]);

        Assert.Empty(await storage.ReadAsync(["c"]));
        Assert.Equal(0, storage.Count);
    }

    public sealed record StoreItem : IStoreItem
    {
        public int Value { get; init; }

        public string ETag { get; set; } = "*";
    }
}
