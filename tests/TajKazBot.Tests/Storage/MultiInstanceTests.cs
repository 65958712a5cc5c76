using System.Diagnostics;
using System.Net;
using TajKazBot.Bots;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests.Storage;

/// <summary>
/// Several instances of the real bot (each its own host, with no state shared in memory) behind one
/// redis-server: a conversation may land on any of them, and survives an instance's restart and a Redis outage.
/// Lexical retrieval keeps the hosts quick to start; where state lives does not depend on the retrieval mode.
/// </summary>
public sealed class MultiInstanceTests : IClassFixture<RedisServer>
{
    private static readonly string[] Script =
    [
        "Did Tajikistan go through a civil war?",
        "more",
        "source 2",
        // Declined in a fresh conversation: answered only with the first question as context.
        "When was that?",
    ];

    private readonly RedisServer redis;

    public MultiInstanceTests(RedisServer redis) => this.redis = redis;

    private BotHost Instance(string storage = "Redis", RedisServer? server = null) => new(new Dictionary<string, string?>
    {
        ["Storage:Kind"] = storage,
        ["Storage:Redis"] = (server ?? redis).ConnectionString,
        ["Retrieval:Semantic"] = "false",
    });

    [RedisFact]
    public async Task A_conversation_moving_between_two_instances_gets_the_replies_of_one_instance()
    {
        using var single = Instance(storage: "Memory");
        using var a = Instance();
        using var b = Instance();
        var alone = new List<List<string>>();
        foreach (var message in Script)
        {
            alone.Add(await BotChat.SendAsync(single.Client(), "conv-alone", message));
        }

        var shared = new List<List<string>> { await BotChat.SendAsync(a.Client(), "conv-shared", Script[0]) };
        foreach (var message in Script[1..])
        {
            shared.Add(await BotChat.SendAsync(b.Client(), "conv-shared", message));
        }

        for (var i = 0; i < Script.Length; i++)
        {
            Assert.Equal(alone[i], shared[i]);
        }
        Assert.DoesNotContain(Commands.NoEarlierAnswer, shared[1]);
        Assert.StartsWith("[4]", shared[1][0]);
        Assert.DoesNotContain("no cited answer", shared[2][0]);
        Assert.DoesNotContain("I couldn't find", shared[3][0]);
        Assert.StartsWith("I couldn't find", (await BotChat.SendAsync(b.Client(), "conv-fresh", Script[3]))[0]);
    }

    [RedisFact]
    public async Task An_instance_killed_and_restarted_loses_nothing()
    {
        string expected;
        using (var reference = Instance(storage: "Memory"))
        {
            await BotChat.SendAsync(reference.Client(), "conv-restart-reference", Script[0]);
            expected = (await BotChat.SendAsync(reference.Client(), "conv-restart-reference", "source 2"))[0];
        }
        var a = Instance();
        await BotChat.SendAsync(a.Client(), "conv-restart", Script[0]);
        a.Dispose();

        using var restarted = Instance();
        var source = await BotChat.SendAsync(restarted.Client(), "conv-restart", "source 2");

        Assert.Equal(expected, source[0]);
    }

    [RedisFact]
    public async Task Redis_stopping_mid_conversation_gets_the_apology_and_the_conversation_goes_on_once_it_is_back()
    {
        using var own = new RedisServer();
        using var bot = Instance(server: own);
        var client = bot.Client();
        await BotChat.SendAsync(client, "conv-outage", Script[0]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

        own.Stop();
        var clock = Stopwatch.StartNew();
        var duringOutage = await BotChat.SendAsync(client, "conv-outage", "more");
        var apologyTook = clock.Elapsed;
        var readiness = await client.GetAsync("/readyz");

        Assert.Equal([AdapterWithErrorHandler.FailureMessage], duringOutage);
        Assert.True(apologyTook < TimeSpan.FromSeconds(5), $"the apology took {apologyTook}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readiness.StatusCode);
        Assert.Contains("Redis is unreachable", await readiness.Content.ReadAsStringAsync());

        own.Start();
        clock.Restart();
        while ((await client.GetAsync("/readyz")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the bot did not reconnect to Redis within 30 s");
            await Task.Delay(100);
        }
        var afterOutage = await BotChat.SendAsync(client, "conv-outage", "more");

        Assert.StartsWith("[4]", afterOutage[0]);
    }
}
