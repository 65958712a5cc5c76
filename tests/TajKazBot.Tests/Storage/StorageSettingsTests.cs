using TajKazBot.Tests.Support;

namespace TajKazBot.Tests.Storage;

/// <summary>Storage settings are checked at start, before anything connects.</summary>
public sealed class StorageSettingsTests
{
    [Fact]
    public async Task A_connection_string_Redis_cannot_read_stops_the_start()
    {
        var (exitCode, _, stderr) = await CliProcess.RunAsync(new Dictionary<string, string>
        {
            ["Storage__Kind"] = "Redis",
            ["Storage__Redis"] = "localhost:6379,nosuchoption=1",
        }, "feedback");

        Assert.Equal(1, exitCode);
        Assert.Contains("Storage:Redis is not a valid Redis connection string.", stderr);
    }
}
