using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests.Hosting;

public sealed class ConnectorTimeoutTests
{
    [Fact]
    public async Task A_channel_that_never_answers_holds_the_turn_for_one_connector_timeout_and_gets_no_apology()
    {
        using var silent = new StalledServer();
        var logs = new FakeLoggerProvider();
        using var host = new BotHost(
            new Dictionary<string, string?> { ["Retrieval:Semantic"] = "false", ["Endpoint:ConnectorTimeout"] = "00:00:01" },
            services => services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs)));
        var clock = Stopwatch.StartNew();

        var response = await Activities.PostAsync(host.Client(), Activities.Message("What do the two countries trade?", $"http://127.0.0.1:{silent.Port}/", "conv-silent"));

        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.DoesNotContain(logs.Lines(), line => line.Contains("Could not tell the user", StringComparison.Ordinal) || line.StartsWith("Error", StringComparison.Ordinal));
    }
}
