namespace TajKazBot.Tests.Reliability;

/// <summary>
/// How hard <see cref="ReliabilitySuite"/> pushes: the quick scale runs in <c>dotnet test</c> (lexical retrieval,
/// which starts in a second), the full one from tests/reliability/run.sh, on the bot as configured by default.
/// </summary>
public sealed record ReliabilityScale(int HostileInputs, int LoadConnections, TimeSpan LoadDuration, int FirstConversations, int MoreConversations, bool Authentication, bool Semantic)
{
    public static readonly ReliabilityScale Quick = new(1_500, 8, TimeSpan.FromSeconds(0.5), 0, 0, false, false);

    public static readonly ReliabilityScale Full = new(10_000, 32, TimeSpan.FromSeconds(60), 10_000, 40_000, true, true);
}
