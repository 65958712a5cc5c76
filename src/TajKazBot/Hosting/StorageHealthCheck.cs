using StackExchange.Redis;

namespace TajKazBot.Hosting;

/// <summary>Readiness of the conversation store: always ready in memory; with Redis, ready while Redis answers a PING.</summary>
/// <param name="redis">Null when conversations are kept in memory.</param>
public sealed class StorageHealthCheck(IConnectionMultiplexer? redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (redis is null)
        {
            return HealthCheckResult.Healthy("Conversations are kept in this instance's memory.");
        }
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:F1} ms.");
        }
        catch (RedisException exception)
        {
            return HealthCheckResult.Unhealthy("Redis is unreachable.", exception);
        }
    }
}
