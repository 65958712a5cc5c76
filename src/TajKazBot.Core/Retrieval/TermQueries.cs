using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// Term queries whose statistics are looked up once per term and field. The index never changes once open,
/// and the lookup, a seek in the term dictionary, was the largest part of a lexical turn. Terms the index
/// holds are bounded by its vocabulary; those it lacks, by <see cref="RememberedAbsentTerms"/>.
/// </summary>
public sealed class TermQueries
{
    /// <summary>How many terms the index lacks are remembered before that memory starts again.</summary>
    public const int RememberedAbsentTerms = 10_000;

    private readonly ConcurrentDictionary<(string Field, string Term), TermContext> statistics = new();
    private readonly ConcurrentDictionary<(string Field, string Term), bool> absent = new();

    /// <summary>A query for the term in the field, or null when no passage has it: with BM25 (no coordination factor) it would add nothing.</summary>
    public TermQuery? For(IndexSearcher searcher, string field, string term, float boost)
    {
        if (!statistics.TryGetValue((field, term), out var known) || known.TopReaderContext != searcher.TopReaderContext)
        {
            if (absent.ContainsKey((field, term)))
            {
                return null;
            }
            known = TermContext.Build(searcher.TopReaderContext, new Term(field, term));
            if (known.DocFreq == 0)
            {
                if (absent.Count >= RememberedAbsentTerms)
                {
                    absent.Clear();
                }
                absent[(field, term)] = true;
                return null;
            }
            statistics[(field, term)] = known;
        }
        return new TermQuery(new Term(field, term), known) { Boost = boost };
    }
}
