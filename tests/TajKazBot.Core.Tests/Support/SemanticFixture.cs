using TajKazBot.Core.Answering;
using TajKazBot.Core.Corpus;
using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Tests.Support;

/// <summary>
/// The sentence encoders of the default settings (<see cref="RetrievalOptions.Encoders"/>) and the repository corpus
/// with both retrievers, built once for every test class in <see cref="SemanticCollection"/>: loading a model and
/// embedding the document takes a few seconds.
/// </summary>
public sealed class SemanticFixture : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        Corpus = RepositoryCorpus.Corpus;
        Index = new LexicalIndex(Corpus.Passages, Options, EnglishWords.Load());
        Lexical = new LuceneRetriever(Index, Options);
        Semantic = await SemanticIndex.BuildAsync(Corpus.Passages, Embedder);
        Ranking = RankingEmbedder is null ? null : await SemanticIndex.BuildAsync(Corpus.Passages, RankingEmbedder);
        Hybrid = new HybridRetriever(Lexical, Semantic, Options, Ranking);
        Answerer = TestAnswerer.Create(Hybrid, Index, Semantic, Corpus);
    }

    public RetrievalOptions Options { get; } = new();

    /// <summary>The encoder that measures (and ranks, unless a second one does).</summary>
    public SentenceEmbedder Embedder { get; } = new RetrievalOptions().Encoders == SemanticEncoders.Arctic ? SentenceEmbedder.ArcticXs() : SentenceEmbedder.MiniLM();

    /// <summary>The encoder that ranks when a second one does.</summary>
    public SentenceEmbedder? RankingEmbedder { get; } = new RetrievalOptions().SeparateRanking ? SentenceEmbedder.ArcticXs() : null;

    public SemanticIndex? Ranking { get; private set; }

    public LoadedCorpus Corpus { get; private set; } = null!;

    public LexicalIndex Index { get; private set; } = null!;

    public LuceneRetriever Lexical { get; private set; } = null!;

    public SemanticIndex Semantic { get; private set; } = null!;

    public HybridRetriever Hybrid { get; private set; } = null!;

    public QuestionAnswerer Answerer { get; private set; } = null!;

    public Task DisposeAsync()
    {
        Index.Dispose();
        Embedder.Dispose();
        RankingEmbedder?.Dispose();
        return Task.CompletedTask;
    }
}
