using Xunit.Abstractions;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests.Reliability;

/// <summary>
/// The reliability suite against the built bot. The quick scale runs with every <c>dotnet test</c>; the
/// full one (10,000 hostile inputs, 32 connections for 60 s, 50,000 conversations) runs from
/// tests/reliability/run.sh, which sets <see cref="FullReliabilityFactAttribute.Variable"/>.
/// </summary>
[StartsFirst]
[Trait("Category", "Reliability")]
public sealed class ReliabilityTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Quick_hostile_inputs_oversize_bodies_and_load_get_no_5xx_and_log_no_error()
    {
        await RunAsync(ReliabilityScale.Quick);
    }

    [FullReliabilityFact]
    public async Task Full_suite_meets_the_bar()
    {
        await RunAsync(ReliabilityScale.Full);
    }

    private async Task RunAsync(ReliabilityScale scale)
    {
        var suite = new ReliabilitySuite(scale);

        await suite.RunAsync();

        output.WriteLine(suite.Figures);
        if (System.Environment.GetEnvironmentVariable("TAJKAZBOT_RELIABILITY_OUT") is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, suite.Figures + "\n" + string.Join("\n", suite.Problems.Select(p => "PROBLEM: " + p)) + "\n");
        }
        Assert.True(suite.Problems.Count == 0, suite.Figures + "\n" + string.Join("\n", suite.Problems));
    }
}
