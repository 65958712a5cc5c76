using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using TajKazBot.Conversation;
using TajKazBot.Core.Answering;
using TajKazBot.Feedback;
using TajKazBot.Hosting;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests.Feedback;

/// <summary>Feedback kept in the file or in a Redis stream, and the <c>feedback</c> verb that sums it up from either.</summary>
public sealed class FeedbackStoreTests : IClassFixture<RedisServer>
{
    private readonly RedisServer redis;

    public FeedbackStoreTests(RedisServer redis) => this.redis = redis;

    private static FeedbackRecord Verdict(string reaction, string question, AnswerKind kind, string? text = null) =>
        new(DateTimeOffset.UtcNow, reaction, text, question, kind, "conv-1", null, "msteams");

    [Fact]
    public async Task The_feedback_verb_sums_up_the_file()
    {
        var log = TempFiles.FeedbackLog();
        var file = new FeedbackLog(log, NullLogger<FeedbackLog>.Instance);
        await file.RecordAsync(Verdict("like", "Where is Kazakhstan's embassy in Tajikistan?", AnswerKind.Extractive), CancellationToken.None);
        await file.RecordAsync(Verdict("dislike", "Who won the 2018 FIFA World Cup?", AnswerKind.Declined, "should know this"), CancellationToken.None);
        await file.RecordAsync(Verdict("like", "What does Tajikistan export?", AnswerKind.Extractive), CancellationToken.None);
        try
        {
            var (exitCode, stdout, stderr) = await CliProcess.RunAsync(new Dictionary<string, string> { ["Feedback__LogPath"] = log }, "feedback");

            Assert.True(exitCode == 0, stderr);
            Assert.StartsWith("2 likes, 1 dislikes\n", stdout);
            Assert.Contains("likes by answer kind: Extractive 2", stdout);
            Assert.Contains("dislikes by answer kind: Declined 1", stdout);
            Assert.Contains("Disliked:\n  [Declined] Who won the 2018 FIFA World Cup? — “should know this”", stdout);
            Assert.Contains("  [Extractive] Where is Kazakhstan's embassy in Tajikistan?", stdout);
        }
        finally
        {
            File.Delete(log);
        }
    }

    [RedisFact]
    public async Task Feedback_given_on_another_instance_lands_in_the_shared_stream_and_the_verb_reads_it()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Kind"] = "Redis",
            ["Storage:Redis"] = redis.ConnectionString,
            ["Retrieval:Semantic"] = "false",
            ["MicrosoftAppId"] = "",
        };
        using var a = new BotHost(settings);
        using var b = new BotHost(settings);
        await BotChat.SendAsync(a.Client(), "conv-feedback-shared", "Where is Kazakhstan's embassy in Tajikistan?", channelId: "msteams");
        var invoke = Activities.Feedback("http://127.0.0.1:9/", "conv-feedback-shared", "dislike", "{\"feedbackText\":\"too long\"}");

        (await Activities.PostAsync(b.Client(), invoke)).EnsureSuccessStatusCode();
        var (exitCode, stdout, stderr) = await CliProcess.RunAsync(new Dictionary<string, string>
        {
            ["Storage__Kind"] = "Redis",
            ["Storage__Redis"] = redis.ConnectionString,
        }, "feedback");

        Assert.True(exitCode == 0, stderr);
        Assert.StartsWith("0 likes, 1 dislikes\n", stdout);
        Assert.Contains("  [Extractive] Where is Kazakhstan's embassy in Tajikistan? — “too long”", stdout);
    }

    [RedisFact]
    public async Task The_stream_reads_back_every_verdict_in_order_across_pages()
    {
        using var connection = await ConnectionMultiplexer.ConnectAsync(StorageRegistration.RedisDefaults + "," + redis.ConnectionString);
        var stream = new RedisFeedbackStream(connection, new RedisKeys("paging-" + Guid.NewGuid().ToString("N")[..8]), NullLogger<RedisFeedbackStream>.Instance);
        for (var i = 0; i < 1201; i++)
        {
            await stream.RecordAsync(Verdict(i % 3 == 0 ? "dislike" : "like", $"question {i}", AnswerKind.Extractive), CancellationToken.None);
        }

        var read = await stream.ReadAllAsync(CancellationToken.None).ToListAsync();
        var summary = await FeedbackSummary.BuildAsync(stream, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 1201).Select(i => $"question {i}"), read.Select(r => r.Question));
        Assert.Equal((800, 401), (summary.Likes, summary.Dislikes));
    }
}
