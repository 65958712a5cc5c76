using Microsoft.Extensions.AI;

namespace TajKazBot.Core.Tests.Support;

/// <summary>
/// An embedding generator that counts the texts it is asked to embed and answers at once with a vector
/// derived from the text: tests of building and reusing an index need the calls, not a model's meaning.
/// </summary>
public sealed class CountingGenerator(string modelId = "counting") : IEmbeddingGenerator<string, Embedding<float>>
{
    private int texts;

    public int Texts => Volatile.Read(ref texts);

    /// <summary>How long each call takes, so that builds started together overlap for sure.</summary>
    public TimeSpan Delay { get; init; }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = values.ToList();
        Interlocked.Add(ref texts, list.Count);
        await Task.Delay(Delay, cancellationToken);
        return new GeneratedEmbeddings<Embedding<float>>(list.Select(Vector));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("test", defaultModelId: modelId) : null;

    public void Dispose()
    {
    }

    private static Embedding<float> Vector(string text)
    {
        var random = new Random(StringComparer.Ordinal.GetHashCode(text));
        return new Embedding<float>(Enumerable.Range(0, 8).Select(_ => (float)random.NextDouble() - 0.5f).ToArray());
    }
}
