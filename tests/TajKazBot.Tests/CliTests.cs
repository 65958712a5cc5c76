using System.Text.Json;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests;

/// <summary>The CLI verbs, run as a separate process like a user runs them.</summary>
public sealed class CliTests
{
    [Fact]
    public async Task Ask_prints_the_cited_answer_the_bot_would_send()
    {
        var (exitCode, stdout, _) = await CliProcess.RunAsync(null, "ask", "During which years was Tajikistan's civil war fought?");

        Assert.Equal(0, exitCode);
        Assert.Contains("** [1]\n\n", stdout);
        Assert.Contains("- [1] Independence and Initial Challenges", stdout);
        Assert.Contains("civil war from 1992 to 1997", stdout.Replace("**", ""));
    }

    [Fact]
    public async Task Eval_json_prints_exactly_one_json_object_with_the_metrics()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file,
        [
            """{"id": "1", "question": "During which years was Tajikistan's civil war fought?", "answers": ["a brutal civil war from 1992 to 1997"], "kind": "factoid"}""",
            """{"id": "2", "question": "Which kinds of infrastructure in particular?", "answers": ["particularly in transportation, energy, and telecommunications"], "kind": "followup", "context": "Has Kazakhstan invested in Tajikistan's infrastructure?"}""",
            """{"id": "3", "question": "Who won the 2018 FIFA World Cup?", "answers": [], "kind": "ood"}""",
        ]);
        try
        {
            var (exitCode, stdout, _) = await CliProcess.RunAsync(null, "eval", file, "--json");

            Assert.Equal(0, exitCode);
            using var json = JsonDocument.Parse(stdout);
            var metrics = json.RootElement;
            foreach (var key in new[] { "recall_at_1", "recall_at_3", "mrr_at_10", "answer_rate", "ood_decline_rate", "latency_p50_ms", "latency_p95_ms", "n_in_domain", "n_ood" })
            {
                Assert.True(metrics.TryGetProperty(key, out _), $"missing {key}");
            }
            Assert.Equal(2, metrics.GetProperty("n_in_domain").GetDouble());
            Assert.Equal(1, metrics.GetProperty("n_ood").GetDouble());
            Assert.Equal(1, metrics.GetProperty("recall_at_3").GetDouble());
            Assert.Equal(1, metrics.GetProperty("ood_decline_rate").GetDouble());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("Answering__TopPassages", "0", "Answering:TopPassages")]
    [InlineData("Decline__MinCoverage", "2", "Decline:MinCoverage")]
    [InlineData("Corpus__Path", "no-such-folder", "Corpus:Path")]
    [InlineData("Retrieval__ContextWeight", "-1", "Retrieval:ContextWeight")]
    [InlineData("Model__Provider", "Foo", "Model:Provider")]
    [InlineData("Storage__Kind", "Redis", "Storage:Redis")]
    [InlineData("Storage__Kind", "Disk", "Storage:Kind")]
    [InlineData("Storage__TimeToLiveHours", "0", "Storage:TimeToLiveHours")]
    [InlineData("Telemetry__Prometheus", "maybe", "Telemetry:Prometheus")]
    public async Task A_bad_setting_stops_the_start_with_a_message_naming_the_key(string variable, string value, string key)
    {
        var (exitCode, _, stderr) = await CliProcess.RunAsync(new Dictionary<string, string> { [variable] = value }, "ask", "trade");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Invalid settings, not starting", stderr);
        Assert.Contains(key, stderr);
    }

    [Fact]
    public async Task Eval_with_a_missing_file_says_so_before_building_anything()
    {
        var indexFolder = Path.Combine(Directory.CreateTempSubdirectory().FullName, "index");

        var (exitCode, _, stderr) = await CliProcess.RunAsync(new Dictionary<string, string> { ["Retrieval__IndexPath"] = indexFolder }, "eval", "/no/such/file.jsonl");

        Assert.False(Directory.Exists(indexFolder), "the index was built before the arguments were checked");
        Assert.Equal(2, exitCode);
        Assert.Contains("File does not exist: '/no/such/file.jsonl'", stderr);
    }
}
