using Microsoft.Extensions.AI;
using TajKazBot.Core.Answering;
using TajKazBot.Core.Corpus;
using TajKazBot.Core.Evaluation;
using TajKazBot.Core.Generation;
using TajKazBot.Core.Retrieval;

namespace TajKazBot.Hosting;

/// <summary>The services shared by the bot and the CLI verbs: corpus, index and answering, with validated settings.</summary>
public static class ServiceRegistration
{
    /// <summary>The key of the embedder, and its index, that rank passages when <see cref="RetrievalOptions.SeparateRanking"/>.</summary>
    public const string Ranking = "ranking";

    /// <summary>The key of the all-MiniLM-L6-v2 encoder.</summary>
    public const string MiniLM = "minilm";

    /// <summary>The key of the arctic-embed-xs encoder.</summary>
    public const string Arctic = "arctic";

    /// <summary>The key of the answerer without a model, for work that must not call one (checking suggestions).</summary>
    public const string Extractive = "extractive";

    public static IServiceCollection AddQuestionAnswering(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddQuestionAnsweringSettings(configuration, contentRoot);
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<CorpusSettings>>().Value;
            return CorpusLoader.Load(Resolve(contentRoot, settings.Path), new ChunkingOptions(settings.MaxPassageChars, MinPassageChars: settings.MinPassageChars));
        });
        // Opened from the prebuilt index when its key matches, else built (and saved) here, once, at start.
        services.AddSingleton(sp => OpenOrBuildIndexAsync(sp, contentRoot, null, CancellationToken.None).GetAwaiter().GetResult());
        services.AddSingleton(sp => sp.GetRequiredService<CorpusIndex>().Lexical);
        services.AddSingleton<ITermStatistics>(sp => sp.GetRequiredService<LexicalIndex>());
        services.AddSingleton(sp => new LuceneRetriever(sp.GetRequiredService<LexicalIndex>(), sp.GetRequiredService<IOptions<RetrievalOptions>>().Value));
        // Encoders sit behind the ecosystem's embedding seam (another, or a hosted model, is a registration); only those used load.
        services.AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(MiniLM, (_, _) => SentenceEncoderGenerator.MiniLM());
        // The 8-bit model (and the small-talk phrases' vectors) are kept beside the prebuilt indexes for the next start.
        services.AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(Arctic, (sp, _) =>
            sp.GetRequiredService<IOptions<RetrievalOptions>>().Value is { QuantizedArctic: true } options
                ? SentenceEncoderGenerator.ArcticXsInt8(IndexFolder(contentRoot, options)) : SentenceEncoderGenerator.ArcticXs());
        // The embedder that measures (and ranks too, unless a second one does).
        services.AddSingleton(sp => Embedder(sp, sp.GetRequiredService<IOptions<RetrievalOptions>>().Value.Encoders == SemanticEncoders.Arctic ? Arctic : MiniLM));
        services.AddKeyedSingleton(Ranking, (sp, _) => Embedder(sp, Arctic));
        services.AddSingleton(sp => sp.GetRequiredService<CorpusIndex>().Semantic
            ?? throw new InvalidOperationException("There are no vectors: Retrieval:Semantic is off."));
        services.AddKeyedSingleton(Ranking, (sp, _) => sp.GetRequiredService<CorpusIndex>().Ranking
            ?? throw new InvalidOperationException("There are no ranking vectors: one encoder both ranks and measures (Retrieval:Encoders)."));
        services.AddSingleton<IPassageRetriever>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RetrievalOptions>>().Value;
            var lexical = sp.GetRequiredService<LuceneRetriever>();
            return options.Semantic ? new HybridRetriever(lexical, sp.GetRequiredService<SemanticIndex>(), options, RankingIndex(sp, options)) : lexical;
        });
        services.AddSingleton<MatchHighlighter>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AnsweringOptions>>().Value);
        services.AddSingleton(sp => new PreciseAnswerFinder(
            sp.GetRequiredService<ITermStatistics>(),
            sp.GetRequiredService<IOptions<RetrievalOptions>>().Value.Semantic ? sp.GetRequiredService<SemanticIndex>() : null,
            sp.GetRequiredService<AnsweringOptions>()));
        services.AddSingleton<ExtractiveAnswerer>();
        services.AddSingleton<Declines>();
        services.AddSingleton(sp => new DeclinePolicy(sp.GetRequiredService<IOptions<DeclineOptions>>().Value));
        services.AddSingleton(sp => SmallTalk.CreateAsync(
            SmallTalkPhrases.Load(Resolve(contentRoot, sp.GetRequiredService<AnsweringOptions>().SmallTalkPath)),
            sp.GetRequiredService<LoadedCorpus>(),
            sp.GetRequiredService<IOptions<RetrievalOptions>>().Value.Semantic ? sp.GetRequiredService<SemanticIndex>() : null,
            IndexFolder(contentRoot, sp.GetRequiredService<IOptions<RetrievalOptions>>().Value)).GetAwaiter().GetResult());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ModelOptions>>().Value);
        // The answerer's model calls report to the bot's meter, so the CLI verbs and tests that build only these services get it too.
        services.AddMetrics();
        services.AddSingleton<BotTelemetry>();
        services.AddSingleton(sp => CreateAnswerer(sp, contentRoot));
        services.AddKeyedSingleton(Extractive, (sp, _) => ActivatorUtilities.CreateInstance<QuestionAnswerer>(sp));
        return services;
    }

    /// <summary>
    /// The answerer, with the model's parts when a model is configured. Those parts are deliberately not
    /// registered as services, so that without a model nothing can resolve (and try to connect) them.
    /// </summary>
    private static QuestionAnswerer CreateAnswerer(IServiceProvider services, string contentRoot)
    {
        var model = services.GetRequiredService<ModelOptions>();
        if (model.Provider == ModelProvider.None)
        {
            return ActivatorUtilities.CreateInstance<QuestionAnswerer>(services);
        }
        var chat = new ChatModel(ChatKernel.Build(model, ChatKernel.CreateHttpClient(model)), model, services.GetRequiredService<ILogger<ChatModel>>(),
            services.GetRequiredService<BotTelemetry>().Model);
        var prompts = PromptTemplates.Load(Resolve(contentRoot, model.PromptsPath));
        return ActivatorUtilities.CreateInstance<QuestionAnswerer>(services,
            ActivatorUtilities.CreateInstance<GroundedAnswerer>(services, chat, prompts),
            ActivatorUtilities.CreateInstance<FollowUpRewriter>(services, chat, prompts));
    }

    /// <summary>
    /// An extractive answerer with other settings over the same index and encoder, for cross-validation:
    /// the fusion weight and the decline thresholds change, nothing is rebuilt.
    /// </summary>
    public static QuestionAnswerer TunedAnswerer(IServiceProvider services, Tuning tuning)
    {
        var retrieval = services.GetRequiredService<IOptions<RetrievalOptions>>().Value with { SemanticWeight = tuning.SemanticWeight, AliasSimilarity = tuning.AliasSimilarity };
        var lexical = services.GetRequiredService<LuceneRetriever>();
        IPassageRetriever retriever = retrieval.Semantic
            ? new HybridRetriever(lexical, services.GetRequiredService<SemanticIndex>(), retrieval, RankingIndex(services, retrieval))
            : lexical;
        var policy = new DeclinePolicy(services.GetRequiredService<IOptions<DeclineOptions>>().Value with
        {
            StrongSimilarity = tuning.StrongSimilarity,
            MinSimilarity = tuning.MinSimilarity,
            MinCoverage = tuning.MinCoverage,
            NameCoverage = tuning.NameCoverage,
            SmallTalkSimilarity = tuning.SmallTalkSimilarity,
        });
        return ActivatorUtilities.CreateInstance<QuestionAnswerer>(services, retriever, policy);
    }

    /// <summary>
    /// The corpus index, from the prebuilt index in <paramref name="folder"/> (by default <see cref="RetrievalOptions.IndexPath"/>)
    /// when its key matches, else built and saved there; built in memory only when no folder is set.
    /// </summary>
    public static Task<CorpusIndex> OpenOrBuildIndexAsync(IServiceProvider services, string contentRoot, string? folder, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<RetrievalOptions>>().Value;
        var passages = services.GetRequiredService<LoadedCorpus>().Passages;
        var semantic = options.Semantic ? services.GetRequiredService<SentenceEmbedder>() : null;
        var ranking = options.Semantic && options.SeparateRanking ? services.GetRequiredKeyedService<SentenceEmbedder>(Ranking) : null;
        folder ??= IndexFolder(contentRoot, options);
        return folder is null
            ? IndexStore.BuildInMemoryAsync(passages, options, EnglishWords.Load(), semantic, ranking, cancellationToken)
            : new IndexStore(folder, services.GetRequiredService<ILogger<IndexStore>>())
                .OpenOrBuildAsync(passages, options, EnglishWords.Load(), semantic, ranking, cancellationToken);
    }

    /// <summary>The folder of prebuilt indexes, or null when they are kept in memory only.</summary>
    private static string? IndexFolder(string contentRoot, RetrievalOptions options) =>
        string.IsNullOrWhiteSpace(options.IndexPath) ? null : Resolve(contentRoot, options.IndexPath);

    private static SemanticIndex? RankingIndex(IServiceProvider services, RetrievalOptions options) =>
        options.SeparateRanking ? services.GetRequiredKeyedService<SemanticIndex>(Ranking) : null;

    /// <summary>An embedder over one of the registered encoders, with arctic-embed's query prefix for arctic-embed.</summary>
    private static SentenceEmbedder Embedder(IServiceProvider services, string encoder) => new(
        services.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(encoder), encoder == Arctic ? SentenceEmbedder.ArcticQueryPrefix : "");

    public static string Resolve(string contentRoot, string path) => Path.GetFullPath(Path.Combine(contentRoot, path));
}
