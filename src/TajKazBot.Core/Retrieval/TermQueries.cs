using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// Term queries whose statistics are looked up once per term and field. The index never changes once open,
/// and the lookup, a seek in the term dictionary, was the largest part of a lexical turn. Only terms the
/// index holds are remembered, so the memory is bounded by its vocabulary.
/// </summary>
public sealed class TermQueries
{
    private readonly ConcurrentDictionary<(string Field, string Term), TermContext> statistics = new();

    /// <summary>A query for the term in the field, or null when no passage has it: with BM25 (no coordination factor) it would add nothing.</summary>
    public TermQuery? For(IndexSearcher searcher, string field, string term, float boost)
    {
        if (!statistics.TryGetValue((field, term), out var known) || known.TopReaderContext != searcher.TopReaderContext)
        {
            known = TermContext.Build(searcher.TopReaderContext, new Term(field, term));
            if (known.DocFreq == 0)
            {
                return null;
            }
            statistics[(field, term)] = known;
        }
        return new TermQuery(new Term(field, term), known) { Boost = boost };
    }
}
