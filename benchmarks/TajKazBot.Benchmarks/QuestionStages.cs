using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TajKazBot.Core.Answering;
using TajKazBot.Core.Retrieval;
using TajKazBot.Hosting;
using TajKazBot.Rendering;

namespace TajKazBot.Benchmarks;

/// <summary>
/// The stages of one question, each alone, over the host's own services and the prebuilt index (run
/// <c>index</c> first, or the set-up builds it): analysis, lexical search, each encoder call (uncached, a new
/// question every call), vector search, fusion (the whole retrieval with the question's vectors cached), the
/// decline decision and rendering.
/// </summary>
[MemoryDiagnoser]
public class QuestionStages
{
    private const string Question = "What does Tajikistan export to Kazakhstan?";

    private ServiceProvider services = null!;
    private LexicalIndex lexicalIndex = null!;
    private LuceneRetriever lexical = null!;
    private SentenceEmbedder miniLm = null!;
    private SentenceEmbedder arctic = null!;
    private SemanticIndex semantic = null!;
    private SemanticIndex ranking = null!;
    private IPassageRetriever hybrid = null!;
    private DeclinePolicy policy = null!;
    private QuestionAnswerer answerer = null!;
    private float[] questionVector = null!;
    private RetrievalResult retrieval = null!;
    private Answer answer = null!;
    private long calls;

    [GlobalSetup]
    public async Task SetUp()
    {
        var root = ProjectRoot.Find();
        var configuration = new ConfigurationBuilder().SetBasePath(root).AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().Build();
        services = new ServiceCollection().AddLogging().AddQuestionAnswering(configuration, root).BuildServiceProvider();
        lexicalIndex = services.GetRequiredService<LexicalIndex>();
        lexical = services.GetRequiredService<LuceneRetriever>();
        // Each encoder's own call is measured whichever encoders the settings use.
        miniLm = new SentenceEmbedder(services.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(ServiceRegistration.MiniLM));
        arctic = new SentenceEmbedder(services.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(ServiceRegistration.Arctic));
        semantic = services.GetRequiredService<SemanticIndex>();
        ranking = services.GetRequiredService<IOptions<RetrievalOptions>>().Value.SeparateRanking
            ? services.GetRequiredKeyedService<SemanticIndex>(ServiceRegistration.Ranking)
            : semantic;
        hybrid = services.GetRequiredService<IPassageRetriever>();
        policy = services.GetRequiredService<DeclinePolicy>();
        answerer = services.GetRequiredService<QuestionAnswerer>();
        questionVector = await ranking.EmbedQuestionAsync(Question);
        retrieval = await hybrid.RetrieveAsync(Question, 10);
        answer = await answerer.AnswerAsync(Question, [], CancellationToken.None);
    }

    [GlobalCleanup]
    public void CleanUp() => services.Dispose();

    [Benchmark]
    public List<string> Analysis() => lexicalIndex.QueryTerms(lexicalIndex.CorrectSpelling(Question));

    [Benchmark]
    public RetrievalResult LexicalSearch() => lexical.Retrieve(Question, 10);

    [Benchmark]
    public Task<float[][]> MiniLmCall() => miniLm.EmbedAsync([BenchmarkQuestions.Varied(calls++)]);

    [Benchmark]
    public Task<float[][]> ArcticCall() => arctic.EmbedAsync([SentenceEmbedder.ArcticQueryPrefix + BenchmarkQuestions.Varied(calls++)]);

    [Benchmark]
    public double VectorSearch() => ranking.Similarities(questionVector).Passages[0] + semantic.BestSentenceSimilarity(questionVector);

    [Benchmark]
    public Task<RetrievalResult> FusionWithCachedVectors() => hybrid.RetrieveAsync(Question, 10);

    [Benchmark]
    public DeclineReason Decline() => policy.Decide(Question, retrieval);

    /// <summary>Returns the text only: BenchmarkDotNet's generated project cannot name Bot Framework types (they are referenced by path).</summary>
    [Benchmark]
    public string Rendering() => ReplyBuilder.Build(answer, "emulator").Text;
}
