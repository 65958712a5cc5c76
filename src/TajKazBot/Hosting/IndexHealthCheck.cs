namespace TajKazBot.Hosting;

/// <summary>Readiness of the passage index: not ready until the host says it has loaded.</summary>
public sealed class IndexHealthCheck : IHealthCheck
{
    private volatile int passages = -1;

    public void Loaded(int passageCount) => passages = passageCount;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(passages < 0
            ? HealthCheckResult.Unhealthy("The passage index is loading.")
            : HealthCheckResult.Healthy($"{passages} passages indexed."));
}
