using System.Numerics.Tensors;
using TajKazBot.Core.Corpus;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// How close each passage is to what the rest of the corpus has in common: the dot product of its vector with the
/// mean passage vector of every other document. Subtracted from a question's similarity (weighted by
/// <see cref="RetrievalOptions.CommonnessWeight"/>) it centres the similarity on the rest of the corpus, a known
/// cure for hubness: among many documents, passages with little content of their own (a heading and a line, a
/// table's rules, a stub) lie near the middle of the embedding space, so near every vague question, and outrank
/// the passage that answers it ("does the text talk about fighting terrorism at all" was closest to a line naming a
/// Python PEP). Like a term's IDF, it discounts closeness to what everything else is also close to; and so a
/// document unlike the rest (the article among Python's documentation) keeps more of its similarity than one of
/// many alike, which is most of what it did on the benchmark corpus.
/// Only other documents count: a passage is not marked down for being about its own document's subject, and a
/// corpus of one document (the article alone) ranks exactly as without it.
/// </summary>
public static class Commonness
{
    /// <summary>Each passage's commonness, in passage order; 0 for every passage of a single-document corpus.</summary>
    /// <param name="vectors">Unit vectors of the same passages (the ranking encoder's).</param>
    public static double[] Of(IReadOnlyList<Passage> passages, SemanticVectors vectors)
    {
        if (vectors.PassageCount != passages.Count)
        {
            throw new ArgumentException($"The vectors are of {vectors.PassageCount} passages, not {passages.Count}.", nameof(vectors));
        }
        var dimensions = vectors.Dimensions;
        var total = new float[dimensions];
        var documents = new Dictionary<string, (float[] Sum, int Count)>(StringComparer.Ordinal);
        for (var i = 0; i < passages.Count; i++)
        {
            if (!documents.TryGetValue(passages[i].SourceFile, out var document))
            {
                document = (new float[dimensions], 0);
            }
            TensorPrimitives.Add(document.Sum, vectors.Passage(i), document.Sum);
            TensorPrimitives.Add(total, vectors.Passage(i), total);
            documents[passages[i].SourceFile] = (document.Sum, document.Count + 1);
        }

        // The mean of the other documents' passages, once per document: the corpus's sum less the document's own.
        var others = new Dictionary<string, float[]?>(StringComparer.Ordinal);
        foreach (var (file, (sum, count)) in documents)
        {
            var rest = passages.Count - count;
            if (rest == 0)
            {
                others[file] = null;
                continue;
            }
            var mean = new float[dimensions];
            TensorPrimitives.Subtract(total, sum, mean);
            TensorPrimitives.Divide(mean, rest, mean);
            others[file] = mean;
        }
        var commonness = new double[passages.Count];
        for (var i = 0; i < passages.Count; i++)
        {
            commonness[i] = others[passages[i].SourceFile] is { } mean ? TensorPrimitives.Dot(mean, vectors.Passage(i)) : 0;
        }
        return commonness;
    }
}
