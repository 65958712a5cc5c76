using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TajKazBot.Core.Answering;
using TajKazBot.Core.Retrieval;
using TajKazBot.Hosting;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests.Retrieval;

/// <summary>
/// Retrieval:Encoders picks the sentence encoders of the whole host: only those load, the prebuilt index holds only
/// their vectors, and the similarity thresholds default to those of the encoder that measures.
/// </summary>
public sealed class EncoderSettingsTests
{
    private const string Embassy = "In which city is Kazakhstan's embassy in Tajikistan?";

    [Fact]
    public async Task By_default_arctic_embed_alone_ranks_and_measures_and_MiniLM_never_loads()
    {
        using var host = new BotHost(services: s => s.AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(
            ServiceRegistration.MiniLM, (_, _) => throw new InvalidOperationException("MiniLM was loaded.")));

        var answer = await host.Services.GetRequiredService<QuestionAnswerer>().AnswerAsync(Embassy, [], CancellationToken.None);

        Assert.Equal(AnswerKind.Extractive, answer.Kind);
        Assert.Contains("Dushanbe", answer.Text);
        Assert.Equal("snowflake-arctic-embed-xs-int8", host.Services.GetRequiredService<SentenceEmbedder>().ModelId);
        Assert.Null(host.Services.GetRequiredService<CorpusIndex>().Ranking);
        var decline = host.Services.GetRequiredService<IOptions<DeclineOptions>>().Value;
        Assert.Equal((EncoderThresholds.Arctic.StrongSimilarity, EncoderThresholds.Arctic.MinSimilarity, EncoderThresholds.Arctic.SmallTalkSimilarity),
            (decline.StrongSimilarity, decline.MinSimilarity, decline.SmallTalkSimilarity));
        Assert.Equal(EncoderThresholds.Arctic.AliasSimilarity, host.Services.GetRequiredService<IOptions<RetrievalOptions>>().Value.AliasSimilarity);
    }

    [Fact]
    public async Task MiniLM_measuring_beside_arctic_ranking_has_MiniLM_thresholds_unless_a_setting_overrides_one()
    {
        using var host = new BotHost(new Dictionary<string, string?>
        {
            ["Retrieval:Encoders"] = "MiniLMAndArctic",
            ["Decline:MinSimilarity"] = "0.3",
        });

        var answer = await host.Services.GetRequiredService<QuestionAnswerer>().AnswerAsync(Embassy, [], CancellationToken.None);

        Assert.Contains("Dushanbe", answer.Text);
        Assert.Equal("all-MiniLM-L6-v2", host.Services.GetRequiredService<SentenceEmbedder>().ModelId);
        Assert.NotNull(host.Services.GetRequiredService<CorpusIndex>().Ranking);
        var decline = host.Services.GetRequiredService<IOptions<DeclineOptions>>().Value;
        Assert.Equal((EncoderThresholds.MiniLM.StrongSimilarity, 0.3, EncoderThresholds.MiniLM.SmallTalkSimilarity),
            (decline.StrongSimilarity, decline.MinSimilarity, decline.SmallTalkSimilarity));
        Assert.Equal(EncoderThresholds.MiniLM.AliasSimilarity, host.Services.GetRequiredService<IOptions<RetrievalOptions>>().Value.AliasSimilarity);
    }

    [Theory]
    [InlineData(null, "snowflake-arctic-embed-xs-int8")]
    [InlineData("false", "snowflake-arctic-embed-xs")]
    public async Task Arctic_runs_quantised_unless_the_setting_asks_for_the_float_model(string? quantized, string model)
    {
        await using var app = BotApplication.Build(quantized is null ? [] : [$"--Retrieval:QuantizedArctic={quantized}"], ProjectRoot.Find(), forCommand: true);

        using var encoder = app.Services.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(ServiceRegistration.Arctic);

        Assert.Equal(model, encoder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId);
    }

    [Fact]
    public async Task An_unknown_encoder_stops_the_start_naming_the_key()
    {
        var (exitCode, _, stderr) = await CliProcess.RunAsync(new Dictionary<string, string> { ["Retrieval__Encoders"] = "Both" }, "ask", "hello");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Retrieval:Encoders", stderr);
    }
}
