using TajKazBot.Core.Answering;
using TajKazBot.Core.Corpus;
using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Tests.Support;

/// <summary>
/// The sentence encoders and the repository corpus with both retrievers, built once for every test class in
/// <see cref="SemanticCollection"/>: loading the model and embedding the document takes a few seconds.
/// </summary>
public sealed class SemanticFixture : IDisposable
{
    public SemanticFixture()
    {
        Corpus = RepositoryCorpus.Corpus;
        Index = new LexicalIndex(Corpus.Passages, Options, EnglishWords.Load());
        Lexical = new LuceneRetriever(Index, Options);
        Semantic = new SemanticIndex(Corpus.Passages, Embedder);
        Ranking = new SemanticIndex(Corpus.Passages, RankingEmbedder);
        Hybrid = new HybridRetriever(Lexical, Semantic, Options, Ranking);
        Answerer = TestAnswerer.Create(Hybrid, Index, Semantic, Corpus);
    }

    public RetrievalOptions Options { get; } = new();

    public SentenceEmbedder Embedder { get; } = new();

    public SentenceEmbedder RankingEmbedder { get; } = SentenceEmbedder.ArcticXs();

    public SemanticIndex Ranking { get; }

    public LoadedCorpus Corpus { get; }

    public LexicalIndex Index { get; }

    public LuceneRetriever Lexical { get; }

    public SemanticIndex Semantic { get; }

    public HybridRetriever Hybrid { get; }

    public QuestionAnswerer Answerer { get; }

    public void Dispose()
    {
        Index.Dispose();
        Embedder.Dispose();
        RankingEmbedder.Dispose();
    }
}
