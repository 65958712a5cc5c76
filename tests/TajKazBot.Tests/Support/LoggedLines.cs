using Microsoft.Extensions.Logging.Testing;

namespace TajKazBot.Tests.Support;

/// <summary>What a <see cref="FakeLoggerProvider"/> collected, one line per record: level, category, message and exception.</summary>
public static class LoggedLines
{
    public static IReadOnlyList<string> Lines(this FakeLoggerProvider logs) =>
        logs.Collector.GetSnapshot().Select(r => $"{r.Level} {r.Category}: {r.Message} {r.Exception}").ToList();
}
