using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Memory;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// Sentence vectors from any <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>, normalised to unit
/// length so that a dot product is the cosine similarity. Questions may get the encoder's query prefix
/// (arctic-embed was trained with one; passages get none). Vectors of single texts are cached (bounded):
/// the same question, a follow-up's context and names recur.
/// </summary>
public sealed class SentenceEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator, string queryPrefix = "") : IDisposable
{
    /// <summary>The query prefix arctic-embed was trained with.</summary>
    public const string ArcticQueryPrefix = "Represent this sentence for searching relevant passages: ";

    private const int CachedTexts = 4096;

    /// <summary>Texts per model run in <see cref="EmbedManyAsync"/>: sorted by length, so a batch pads little.</summary>
    private const int BatchSize = 16;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = CachedTexts });

    /// <summary>The encoder's model, as its generator names it: vectors saved from one model are no use with another.</summary>
    public string ModelId { get; } = generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? generator.GetType().FullName!;

    public static SentenceEmbedder MiniLM() => new(SentenceEncoderGenerator.MiniLM());

    /// <param name="modelFolder">With <paramref name="quantized"/>: where the 8-bit model is kept between processes (<see cref="QuantizedArcticModel"/>).</param>
    public static SentenceEmbedder ArcticXs(bool quantized = true, string? modelFolder = null) =>
        new(quantized ? SentenceEncoderGenerator.ArcticXsInt8(modelFolder) : SentenceEncoderGenerator.ArcticXs(), ArcticQueryPrefix);

    /// <summary>Vectors of texts embedded together in one call.</summary>
    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        if (texts.Count == 0)
        {
            return [];
        }
        var embeddings = await generator.GenerateAsync(texts, cancellationToken: cancellationToken);
        return embeddings.Select(e => Normalised(e.Vector.ToArray())).ToArray();
    }

    /// <summary>Vectors of questions embedded together in one call, with the encoder's query prefix.</summary>
    public Task<float[][]> EmbedQueriesAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        EmbedAsync(texts.Select(t => queryPrefix + t).ToList(), cancellationToken);

    /// <summary>
    /// Vectors of many texts (a corpus), in their order: embedded shortest first, in batches run in parallel
    /// (one per encoder session). The encoder pads a batch to its longest text, so batches of mixed lengths
    /// would cost more than one text at a time, while batches of like lengths cost less.
    /// </summary>
    public async Task<float[][]> EmbedManyAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var vectors = new float[texts.Count][];
        var batches = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ThenBy(i => i).Chunk(BatchSize);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(batches, parallel, async (batch, token) =>
        {
            var embedded = await EmbedAsync(batch.Select(i => texts[i]).ToList(), token);
            for (var j = 0; j < batch.Length; j++)
            {
                vectors[batch[j]] = embedded[j];
            }
        });
        return vectors;
    }

    /// <summary>The vector of one text, from the cache when the same text was embedded before.</summary>
    public async Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(text, out float[]? cached))
        {
            return cached!;
        }
        var vector = (await EmbedAsync([text], cancellationToken))[0];
        cache.Set(text, vector, new MemoryCacheEntryOptions { Size = 1 });
        return vector;
    }

    /// <summary>The vector of a question, with the encoder's query prefix (cached).</summary>
    public Task<float[]> EmbedQueryAsync(string text, CancellationToken cancellationToken = default) => EmbedAsync(queryPrefix + text, cancellationToken);

    public static double Cosine(float[] a, float[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    /// <summary>The unit vector halfway between two unit vectors.</summary>
    public static float[] Mean(float[] a, float[] b)
    {
        var sum = new float[a.Length];
        System.Numerics.Tensors.TensorPrimitives.Add(a, b, sum);
        return Normalised(sum);
    }

    private static float[] Normalised(float[] vector)
    {
        var norm = System.Numerics.Tensors.TensorPrimitives.Norm(vector);
        if (norm > 0 && Math.Abs(norm - 1) > 1e-4)
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
        }
        return vector;
    }

    public void Dispose()
    {
        generator.Dispose();
        cache.Dispose();
    }
}
