using System.Diagnostics;
using System.Net;
using TajKazBot.Commands;
using TajKazBot.Conversation;
using TajKazBot.Hosting;
using TajKazBot.Rendering;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests.Storage;

/// <summary>
/// Several instances of the real bot (in-process hosts with no state shared in memory, or processes of
/// the built bot) behind one redis-server: a conversation may land on any of them, and survives an
/// instance killed and restarted and a Redis outage.
/// Lexical retrieval keeps the hosts quick to start; where state lives does not depend on the retrieval mode.
/// </summary>
[StartsFirst]
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
        Assert.DoesNotContain(CommandHandler.NoEarlierAnswer, shared[1]);
        Assert.StartsWith("[4]", shared[1][0]);
        Assert.DoesNotContain("no cited answer", shared[2][0]);
        Assert.DoesNotContain("I couldn't find", shared[3][0]);
        Assert.StartsWith("I couldn't find", (await BotChat.SendAsync(b.Client(), "conv-fresh", Script[3]))[0]);
    }

    [RedisFact]
    public async Task Two_processes_of_the_built_bot_share_a_conversation_and_one_killed_and_restarted_loses_nothing()
    {
        var alone = new List<List<string>>();
        using (var single = Instance(storage: "Memory"))
        {
            foreach (var message in Script)
            {
                alone.Add(await BotChat.SendAsync(single.Client(), "conv-alone", message));
            }
        }
        var environment = new Dictionary<string, string>
        {
            ["Storage__Kind"] = "Redis",
            ["Storage__Redis"] = redis.ConnectionString,
            ["Retrieval__Semantic"] = "false",
        };
        using var a = new BotProcess(environment);
        using var b = new BotProcess(environment);
        await Task.WhenAll(a.WaitUntilReadyAsync(), b.WaitUntilReadyAsync());

        Assert.Equal(alone[0], await BotChat.SendAsync(a.Client, "conv-processes", Script[0]));
        Assert.Equal(alone[1], await BotChat.SendAsync(b.Client, "conv-processes", Script[1]));
        Assert.Equal(alone[2], await BotChat.SendAsync(b.Client, "conv-processes", Script[2]));
        a.Kill();
        using var restarted = new BotProcess(environment);
        await restarted.WaitUntilReadyAsync();

        Assert.Equal(alone[3], await BotChat.SendAsync(restarted.Client, "conv-processes", Script[3]));
        Assert.Equal(await BotChat.SendAsync(b.Client, "conv-processes", "source 1"), await BotChat.SendAsync(restarted.Client, "conv-processes", "source 1"));
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
