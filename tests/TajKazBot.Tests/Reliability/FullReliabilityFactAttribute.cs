namespace TajKazBot.Tests.Reliability;

/// <summary>A fact that takes minutes; it runs only when tests/reliability/run.sh asks for it.</summary>
public sealed class FullReliabilityFactAttribute : FactAttribute
{
    public const string Variable = "TAJKAZBOT_RELIABILITY";

    public FullReliabilityFactAttribute()
    {
        if (System.Environment.GetEnvironmentVariable(Variable) != "full")
        {
            Skip = $"The full reliability suite takes minutes; run tests/reliability/run.sh (it sets {Variable}=full).";
        }
    }
}
