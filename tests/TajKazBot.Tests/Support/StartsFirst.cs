using Xunit.Abstractions;

[assembly: TestCollectionOrderer("TajKazBot.Tests.Support.StartsFirstOrderer", "TajKazBot.Tests")]

namespace TajKazBot.Tests.Support;

/// <summary>
/// A test class that takes seconds mostly waiting (time-outs, back-offs, processes it starts): the run starts it
/// among the first, so that its waiting overlaps the other classes' work rather than being all that runs at the end
/// (the authentication tests, 14 s of which 9 s wait on a back-off, were started after 22 s of a 36 s run).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StartsFirstAttribute : Attribute;

/// <summary>Starts the test collections that hold a <see cref="StartsFirstAttribute"/> class first, then the others in xUnit's order.</summary>
public sealed class StartsFirstOrderer : ITestCollectionOrderer
{
    /// <summary>How xUnit names the collection of a class that names none.</summary>
    private const string ClassCollection = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(collection => StartsFirst(collection) ? 0 : 1);

    private static bool StartsFirst(ITestCollection collection)
    {
        var type = collection.CollectionDefinition
            ?? (collection.DisplayName.StartsWith(ClassCollection, StringComparison.Ordinal)
                ? collection.TestAssembly.Assembly.GetType(collection.DisplayName[ClassCollection.Length..])
                : null);
        return type?.GetCustomAttributes(typeof(StartsFirstAttribute)).Any() == true;
    }
}
