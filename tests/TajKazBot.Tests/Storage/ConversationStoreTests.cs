using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Moq;
using StackExchange.Redis;
using TajKazBot.Conversation;
using TajKazBot.Core.Answering;
using TajKazBot.Hosting;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests.Storage;

/// <summary>
/// Two instances can run turns of one conversation at once; each reads the state, answers, then writes.
/// The second write must not silently undo the first: its ETag is stale, so its change is applied again
/// to the newer version.
/// </summary>
public sealed class ConversationStoreTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static readonly Activity Turn = new() { ChannelId = "emulator", Conversation = new ConversationAccount(id: "c-" + Guid.NewGuid().ToString("N")) };

    private static Answer Answered(string question) => new(AnswerKind.Declined, "Not covered.", [], question, []);

    private static BoundedMemoryStorage Memory() => new(new ConversationStorageSettings(), TimeProvider.System, NullLogger<BoundedMemoryStorage>.Instance);

    [Fact]
    public async Task Turns_that_read_the_same_version_both_keep_their_change_in_memory() =>
        await BothChangesKeptAsync(Memory());

    [RedisFact]
    public async Task Turns_that_read_the_same_version_both_keep_their_change_in_redis()
    {
        using var connection = await ConnectionMultiplexer.ConnectAsync(StorageRegistration.RedisDefaults + "," + redis.ConnectionString);
        await BothChangesKeptAsync(new RedisStorage(connection, new RedisKeys("test-" + Guid.NewGuid().ToString("N")[..8]), TimeSpan.FromHours(1)));
    }

    private static async Task BothChangesKeptAsync(IStorage storage)
    {
        var store = new ConversationStore(storage, NullLogger<ConversationStore>.Instance);
        var first = await store.ReadAsync(Turn, CancellationToken.None);
        var second = await store.ReadAsync(Turn, CancellationToken.None);

        await store.UpdateAsync(Turn, second, s => s.Remember(Answered("second?"), "m2"), CancellationToken.None);
        await store.UpdateAsync(Turn, first, s => s.Remember(Answered("first?"), "m1"), CancellationToken.None);

        var stored = await store.ReadAsync(Turn, CancellationToken.None);
        Assert.Equal(["second?", "first?"], stored.History.Select(t => t.Question));
        Assert.Equal(["m2", "m1"], stored.Answered.Select(m => m.ActivityId));
    }

    [Fact]
    public async Task A_change_that_keeps_conflicting_is_given_up_after_the_last_attempt_with_a_warning()
    {
        var storage = new Mock<IStorage>();
        storage.Setup(s => s.ReadAsync(It.IsAny<string[]>(), It.IsAny<CancellationToken>())).ReturnsAsync(new Dictionary<string, object>());
        storage.Setup(s => s.WriteAsync(It.IsAny<IDictionary<string, object>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ETagConflictException("k", "1", "2"));
        using var logs = new FakeLoggerProvider();
        using var factory = new LoggerFactory([logs]);
        var store = new ConversationStore(storage.Object, factory.CreateLogger<ConversationStore>());

        await store.UpdateAsync(Turn, new ConversationData(), s => s.Remember(Answered("q?"), "m"), CancellationToken.None);

        storage.Verify(s => s.WriteAsync(It.IsAny<IDictionary<string, object>>(), It.IsAny<CancellationToken>()), Times.Exactly(ConversationStore.MaxAttempts));
        Assert.Single(logs.Lines(), l => l.StartsWith("Warning") && l.Contains("not stored"));
    }

    [Fact]
    public void Lists_stay_bounded_and_small_talk_is_not_a_turn()
    {
        var data = new ConversationData();
        for (var i = 0; i < 30; i++)
        {
            data.Remember(Answered($"q{i}?"), $"m{i}");
        }
        data.Remember(new Answer(AnswerKind.SmallTalk, "Hi!", [], "", []), "hello");

        Assert.Equal(ConversationData.RememberedTurns, data.History.Count);
        Assert.Equal("q29?", data.History[^1].Question);
        Assert.Equal(ConversationData.RememberedAnswers, data.Answered.Count);
        Assert.Equal("m29", data.Answered[^1].ActivityId);
    }
}
