using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TajKazBot.Core.Retrieval;
using TajKazBot.Core.Tests;
using TajKazBot.Hosting;

namespace TajKazBot.Tests.Support;

/// <summary>
/// The sentence encoders the bot's registration may make, made once for every in-process host and service
/// provider of the test run: each host used to load both models again (the ONNX sessions are the costly part of
/// starting one). They are thread-safe, and live as long as the test process.
/// </summary>
public static class SharedEncoders
{
    private static readonly Lazy<SentenceEncoderGenerator> MiniLM = new(SentenceEncoderGenerator.MiniLM);
    private static readonly Lazy<SentenceEncoderGenerator> Arctic = new(SentenceEncoderGenerator.ArcticXs);
    // The 8-bit model from the repository's .index, where the bot processes the tests start keep it too.
    private static readonly Lazy<SentenceEncoderGenerator> ArcticInt8 = new(() => SentenceEncoderGenerator.ArcticXsInt8(RepositoryCorpus.IndexFolder));

    /// <summary>
    /// Replaces the registration's encoders with the shared ones. What a provider made it disposes (and the
    /// embedders it makes dispose their encoder), so each provider gets them behind a wrapper that it may dispose.
    /// </summary>
    public static IServiceCollection UseSharedEncoders(this IServiceCollection services) => services
        .AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(ServiceRegistration.MiniLM, (_, _) => new Kept(MiniLM.Value))
        .AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(ServiceRegistration.Arctic, (sp, _) =>
            new Kept(sp.GetRequiredService<IOptions<RetrievalOptions>>().Value.QuantizedArctic ? ArcticInt8.Value : Arctic.Value));

    /// <summary>The shared arctic-embed encoder (8-bit unless <paramref name="quantized"/> is false) for tests that embed directly.</summary>
    public static SentenceEmbedder ArcticEmbedder(bool quantized = true) =>
        new(new Kept(quantized ? ArcticInt8.Value : Arctic.Value), SentenceEmbedder.ArcticQueryPrefix);

    /// <summary>The shared MiniLM encoder for tests that embed directly.</summary>
    public static SentenceEmbedder MiniLMEmbedder() => new(new Kept(MiniLM.Value));

    private sealed class Kept(IEmbeddingGenerator<string, Embedding<float>> encoder) : DelegatingEmbeddingGenerator<string, Embedding<float>>(encoder)
    {
        protected override void Dispose(bool disposing)
        {
            // The encoder outlives any one provider.
        }
    }
}
