using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests.Operations;

/// <summary>What an operator scrapes, probes and traces: <c>/metrics</c> (with <c>Telemetry:Prometheus</c> on), <c>/readyz</c> and the bot's spans.</summary>
[Collection(OperationsCollection.Name)]
public sealed partial class MetricsEndpointTests
{
    [Fact]
    public async Task Answer_counters_move_by_exactly_the_number_of_questions_asked()
    {
        using var host = new BotHost(new Dictionary<string, string?> { ["Telemetry:Prometheus"] = "true", ["Retrieval:Semantic"] = "false" });
        var client = host.Client();
        var before = Answers(await client.GetStringAsync("/metrics"));

        await BotChat.SendAsync(client, "conv-metrics", "Where is Kazakhstan's embassy in Tajikistan?");
        await BotChat.SendAsync(client, "conv-metrics", "more");
        await BotChat.SendAsync(client, "conv-metrics", "During which years was Tajikistan's civil war fought?");
        await BotChat.SendAsync(client, "conv-metrics", "Who won the 2018 FIFA World Cup?");
        await BotChat.SendAsync(client, "conv-metrics", "help");
        var scrape = await client.GetStringAsync("/metrics");
        var after = Answers(scrape);

        Assert.Equal(2, after.GetValueOrDefault("Extractive") - before.GetValueOrDefault("Extractive"));
        Assert.Equal(1, after.GetValueOrDefault("Declined") - before.GetValueOrDefault("Declined"));
        Assert.Equal(3, after.Values.Sum() - before.Values.Sum());
        // Five turns, each timed; three of them answered a question, each timed too.
        Assert.Matches(@"(?m)^tajkazbot_turn_duration_seconds_count\{[^}]*activity_type=""message""[^}]*outcome=""ok""[^}]*\} 5( |$)", scrape);
        Assert.Matches(@"(?m)^tajkazbot_retrieval_duration_seconds_count\{[^}]*\} 3( |$)", scrape);
    }

    [Fact]
    public async Task Metrics_are_off_by_default_and_readiness_reports_the_index_and_storage()
    {
        using var host = new BotHost(new Dictionary<string, string?> { ["Retrieval:Semantic"] = "false" });
        var client = host.Client();
        // /healthz answers once the index has loaded; /readyz may say it is still loading before that.
        (await client.GetAsync("/healthz")).EnsureSuccessStatusCode();

        var metrics = await client.GetAsync("/metrics");
        var ready = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.NotFound, metrics.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!["checks"]!;
        Assert.Equal("Healthy", (string?)checks["index"]!["status"]);
        Assert.Equal("Conversations are kept in this instance's memory.", (string?)checks["storage"]!["description"]);
    }

    [Fact]
    public async Task A_question_is_traced_as_retrieval_then_rendering_inside_the_request()
    {
        using var host = new BotHost(new Dictionary<string, string?> { ["Retrieval:Semantic"] = "false" });
        var spans = new System.Collections.Concurrent.ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "TajKazBot",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        await BotChat.SendAsync(host.Client(), "conv-traced", "Where is Kazakhstan's embassy in Tajikistan?");

        Assert.Equal(["retrieval", "rendering"], spans.Select(s => s.OperationName));
        Assert.Equal("Extractive", spans.First().GetTagItem("tajkazbot.answer.kind"));
        Assert.All(spans, s => Assert.NotNull(s.Parent));
    }

    /// <summary>The answer counter's value per <c>kind</c> label in a Prometheus text scrape.</summary>
    private static Dictionary<string, long> Answers(string scrape) =>
        AnswerLine().Matches(scrape).ToDictionary(m => m.Groups["kind"].Value, m => long.Parse(m.Groups["value"].Value));

    [GeneratedRegex(@"(?m)^tajkazbot_answers_total\{[^}]*kind=""(?<kind>\w+)""[^}]*\} (?<value>\d+)")]
    private static partial Regex AnswerLine();
}
