namespace TajKazBot.Tests.Operations;

/// <summary>
/// Runs alone, after the parallel tests: OpenTelemetry listens to every meter named TajKazBot in the
/// process, so a bot host of another test answering at the same time would move the counters read here.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OperationsCollection
{
    public const string Name = "Operations";
}
