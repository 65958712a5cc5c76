using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace TajKazBot.Core.Retrieval;

/// <summary>Searchers that rank by BM25 with the configured parameters (Lucene's default is TF-IDF).</summary>
internal sealed class Bm25SearcherFactory(float k1, float b) : SearcherFactory
{
    public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity(k1, b) };
}
