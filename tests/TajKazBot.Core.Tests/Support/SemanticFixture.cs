using TajKazBot.Core.Answering;
using TajKazBot.Core.Corpus;
using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Tests.Support;

/// <summary>
/// The sentence encoders and the repository corpus with both retrievers, built once for every test class in
/// <see cref="SemanticCollection"/>: loading the model and embedding the document takes a few seconds.
/// </summary>
public sealed class SemanticFixture : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        Corpus = RepositoryCorpus.Corpus;
        Index = new LexicalIndex(Corpus.Passages, Options, EnglishWords.Load());
        Lexical = new LuceneRetriever(Index, Options);
        Semantic = await SemanticIndex.BuildAsync(Corpus.Passages, Embedder);
        Ranking = await SemanticIndex.BuildAsync(Corpus.Passages, RankingEmbedder);
        Hybrid = new HybridRetriever(Lexical, Semantic, Options, Ranking);
        Answerer = TestAnswerer.Create(Hybrid, Index, Semantic, Corpus);
    }

    public RetrievalOptions Options { get; } = new();

    public SentenceEmbedder Embedder { get; } = SentenceEmbedder.MiniLM();

    public SentenceEmbedder RankingEmbedder { get; } = SentenceEmbedder.ArcticXs();

    public SemanticIndex Ranking { get; private set; } = null!;

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
        RankingEmbedder.Dispose();
        return Task.CompletedTask;
    }
}
