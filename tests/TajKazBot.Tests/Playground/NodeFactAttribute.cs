namespace TajKazBot.Tests.Playground;

/// <summary>A fact that needs Node and npm (for the Agents Playground); skipped, saying so, where they are missing.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (!NodeTools.Available)
        {
            Skip = "Node.js and npm are not on PATH, so the Microsoft 365 Agents Playground cannot run; install Node to run this test.";
        }
    }
}
