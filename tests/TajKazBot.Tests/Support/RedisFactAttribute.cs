namespace TajKazBot.Tests.Support;

/// <summary>A fact that needs a real redis-server; skipped, saying so, where the binary is missing (.ci/run installs it).</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.Binary is null)
        {
            Skip = "redis-server is not installed (Debian: apt-get install redis-server; .ci/run does this), so the Redis tests cannot run.";
        }
    }
}
