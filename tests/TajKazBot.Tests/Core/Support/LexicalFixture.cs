using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Tests.Support;

/// <summary>
/// The repository corpus's Lucene index as the host builds it (default settings, the English word list for
/// typo tolerance) and a retriever over it, built once for a test class instead of once per test case.
/// </summary>
public sealed class LexicalFixture : IDisposable
{
    public LexicalFixture()
    {
        Index = new LexicalIndex(RepositoryCorpus.Corpus.Passages, Options, EnglishWords.Load());
        Retriever = new LuceneRetriever(Index, Options);
    }

    public RetrievalOptions Options { get; } = new();

    public LexicalIndex Index { get; }

    public LuceneRetriever Retriever { get; }

    public void Dispose() => Index.Dispose();
}
