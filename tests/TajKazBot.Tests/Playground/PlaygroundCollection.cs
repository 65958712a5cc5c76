namespace TajKazBot.Tests.Playground;

/// <summary>The playground tests share one bot and one playground per channel, and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PlaygroundCollection : ICollectionFixture<PlaygroundFixture>
{
    public const string Name = "Agents Playground";
}
