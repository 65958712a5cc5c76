using TajKazBot.Core.Corpus;

namespace TajKazBot.Core.Retrieval;

internal static class PassageOrdinals
{
    /// <summary>Each passage's position, by reference: retrievers hand back the very passage objects they were built with.</summary>
    public static Dictionary<Passage, int> Of(IReadOnlyList<Passage> passages)
    {
        var ordinals = new Dictionary<Passage, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < passages.Count; i++)
        {
            ordinals.TryAdd(passages[i], i);
        }
        return ordinals;
    }
}
