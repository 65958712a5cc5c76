using Microsoft.Extensions.Logging.Abstractions;
using TajKazBot.Core.Answering;
using TajKazBot.Core.Corpus;
using TajKazBot.Core.Retrieval;
using TajKazBot.Tests.Support;

namespace TajKazBot.Core.Tests.Support;

/// <summary>
/// The sentence encoders of the default settings (<see cref="RetrievalOptions.Encoders"/>, the test run's shared ones) and the repository corpus
/// with both retrievers, opened once for every test class in <see cref="SemanticCollection"/>: loading a model and
/// embedding the document takes a few seconds.
/// </summary>
public sealed class SemanticFixture : IAsyncLifetime
{
    private CorpusIndex built = null!;

    public async Task InitializeAsync()
    {
        Corpus = RepositoryCorpus.Corpus;
        // The repository's prebuilt index, opened as the bot opens it: built by whichever test process or bot needs it
        // first, and read by the others.
        built = await new IndexStore(RepositoryCorpus.IndexFolder, NullLogger<IndexStore>.Instance)
            .OpenOrBuildAsync(Corpus.Passages, Options, EnglishWords.Load(), Embedder, RankingEmbedder);
        Index = built.Lexical;
        Lexical = new LuceneRetriever(Index, Options);
        Semantic = built.Semantic!;
        Ranking = built.Ranking;
        Hybrid = new HybridRetriever(Lexical, Semantic, Options, Ranking);
        Answerer = TestAnswerer.Create(Hybrid, Index, Semantic, Corpus);
    }

    public RetrievalOptions Options { get; } = new();

    /// <summary>The encoder that measures (and ranks, unless a second one does).</summary>
    public SentenceEmbedder Embedder { get; } = new RetrievalOptions().Encoders == SemanticEncoders.Arctic ? SharedEncoders.ArcticEmbedder() : SharedEncoders.MiniLMEmbedder();

    /// <summary>The encoder that ranks when a second one does.</summary>
    public SentenceEmbedder? RankingEmbedder { get; } = new RetrievalOptions().SeparateRanking ? SharedEncoders.ArcticEmbedder() : null;

    public SemanticIndex? Ranking { get; private set; }

    public LoadedCorpus Corpus { get; private set; } = null!;

    public LexicalIndex Index { get; private set; } = null!;

    public LuceneRetriever Lexical { get; private set; } = null!;

    public SemanticIndex Semantic { get; private set; } = null!;

    public HybridRetriever Hybrid { get; private set; } = null!;

    public QuestionAnswerer Answerer { get; private set; } = null!;

    public Task DisposeAsync()
    {
        built.Dispose();
        Embedder.Dispose();
        RankingEmbedder?.Dispose();
        return Task.CompletedTask;
    }
}
