namespace TajKazBot.Core.Tests.Support;

[CollectionDefinition(Name)]
public sealed class SemanticCollection : ICollectionFixture<SemanticFixture>
{
    public const string Name = "semantic";
}
