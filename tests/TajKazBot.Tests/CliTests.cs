using System.Text.Json;
using TajKazBot.Hosting;
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

    [Fact]
    public async Task A_bad_setting_stops_the_start_with_a_message_naming_the_key()
    {
        var (exitCode, _, stderr) = await CliProcess.RunAsync(new Dictionary<string, string> { ["Decline__MinCoverage"] = "2" }, "ask", "trade");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Invalid settings, not starting", stderr);
        Assert.Contains("Decline:MinCoverage", stderr);
    }

    /// <summary>Each kind of bad setting, checked by the same composition root the process above stops in (one process for all is enough).</summary>
    [Theory]
    [InlineData("Answering:TopPassages", "0", "Answering:TopPassages")]
    [InlineData("Corpus:Path", "no-such-folder", "Corpus:Path")]
    [InlineData("Retrieval:ContextWeight", "-1", "Retrieval:ContextWeight")]
    [InlineData("Model:Provider", "Foo", "Model:Provider")]
    [InlineData("Storage:Kind", "Redis", "Storage:Redis")]
    [InlineData("Storage:Kind", "Disk", "Storage:Kind")]
    [InlineData("Storage:TimeToLiveHours", "0", "Storage:TimeToLiveHours")]
    [InlineData("Telemetry:Prometheus", "maybe", "Telemetry:Prometheus")]
    public async Task Every_kind_of_bad_setting_is_named_by_its_key(string setting, string value, string key)
    {
        await using var app = BotApplication.Build(["--Model:Provider=None", $"--{setting}={value}"], ProjectRoot.Find(), forCommand: true);

        var failures = BotApplication.SettingFailures(app);

        Assert.Contains(failures, f => f.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Valid_settings_have_no_failures()
    {
        await using var app = BotApplication.Build(["--Model:Provider=None"], ProjectRoot.Find(), forCommand: true);

        Assert.Empty(BotApplication.SettingFailures(app));
    }

    [Fact]
    public async Task Eval_with_a_missing_file_says_so_before_building_anything()
    {
        var parent = Directory.CreateTempSubdirectory("tajkazbot-eval-").FullName;
        var indexFolder = Path.Combine(parent, "index");

        var (exitCode, _, stderr) = await CliProcess.RunAsync(new Dictionary<string, string> { ["Retrieval__IndexPath"] = indexFolder }, "eval", "/no/such/file.jsonl");
        var built = Directory.Exists(indexFolder);
        Directory.Delete(parent, recursive: true);

        Assert.False(built, "the index was built before the arguments were checked");
        Assert.Equal(2, exitCode);
        Assert.Contains("File does not exist: '/no/such/file.jsonl'", stderr);
    }
}
