using Lucene.Net.Index;
using Lucene.Net.Search;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// BM25 ranking of passages with Lucene.NET. Questions never go through the query parser: they are
/// analysed into terms and built into a query programmatically, so query syntax in a question is just
/// text. Besides the ranking it measures coverage: the IDF-weighted share of the question's informative
/// terms that the best passage matches.
/// </summary>
public sealed class LuceneRetriever(LexicalIndex index, RetrievalOptions options) : IPassageRetriever
{
    private static readonly IReadOnlySet<string> NoTerms = new HashSet<string>();

    private readonly TermQueries termQueries = new();

    public LexicalIndex Index => index;

    public Task<RetrievalResult> RetrieveAsync(string question, int count, FollowUp? followUp = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(Retrieve(question, count, followUp));

    /// <summary>Lucene runs in memory and without waiting, so the lexical stage is synchronous.</summary>
    public RetrievalResult Retrieve(string question, int count, FollowUp? followUp = null) => WithUnknown(Candidates(question, count, followUp, count));

    /// <summary>
    /// The question's names and numbers that the document answering (the best passage's; with no hit, every
    /// document) lacks, for a result whose ranking is final.
    /// </summary>
    public RetrievalResult WithUnknown(RetrievalResult result)
    {
        var unknown = index.UnknownIn(result.Passages);
        return result with { UnknownNames = unknown.Names(result.Searched), UnknownNumbers = unknown.Numbers(result.Searched) };
    }

    /// <summary>The BM25 ranking and coverage, without the unknown names and numbers, which depend on the final ranking.</summary>
    /// <param name="described">
    /// How many of the best hits get their matched terms (the first always does: coverage is measured on it). A
    /// caller that re-ranks a thousand candidates asks <see cref="Matched"/> for the few passages it shows.
    /// </param>
    public RetrievalResult Candidates(string question, int count, FollowUp? followUp, int described)
    {
        var searched = index.CorrectSpelling(question);
        var own = index.QueryTerms(searched);
        var carried = followUp is null ? [] : index.QueryTerms(followUp.Context).Except(own).ToList();
        var contextWeight = followUp is { PointsBack: true } ? options.ContextWeight : options.SwitchContextWeight;
        var weighted = own.Select(t => (Term: t, Weight: 1f)).Concat(carried.Select(t => (Term: t, Weight: contextWeight))).ToList();
        var signals = RetrievalResult.Empty with
        {
            Terms = own,
            CarriedTerms = carried,
            Searched = searched,
        };
        if (weighted.Count == 0 || count <= 0)
        {
            return signals;
        }
        return index.Read(searcher =>
        {
            var query = new BooleanQuery();
            foreach (var (term, weight) in weighted)
            {
                foreach (var clause in new[] {
                    termQueries.For(searcher, LexicalIndex.TextField, term, weight),
                    termQueries.For(searcher, LexicalIndex.SectionField, term, weight * options.SectionBoost) })
                {
                    if (clause is not null)
                    {
                        query.Add(clause, Occur.SHOULD);
                    }
                }
            }
            var hits = searcher.Search(query, count).ScoreDocs;
            // Each hit's passage number from a doc-values column: no stored document is read.
            var numbers = MultiDocValues.GetNumericValues(searcher.IndexReader, LexicalIndex.OrdinalField);
            var ordinals = hits.Select(hit => (int)numbers.Get(hit.Doc)).ToList();
            var ranked = hits
                .Select((hit, rank) => new ScoredPassage(
                    index.Passages[ordinals[rank]], hit.Score, rank < Math.Max(1, described) ? Matched(ordinals[rank], own.Concat(carried)) : NoTerms))
                .ToList();
            // Coverage comes from the question's own words; carried-over terms count too when it has none
            // or points back ("when was that?"), so a new off-topic question is not answered on the strength
            // of an earlier one.
            // A question made only of the document's subject words ("What do Kazakhstan and Tajikistan
            // trade?") is about the document itself: its coverage is how many of them the best passage has.
            var best = ranked.FirstOrDefault()?.MatchedTerms ?? new HashSet<string>();
            var ownCoverage = Coverage(own.Select(t => (Term: t, Weight: 1f)).ToList(), best);
            var withContext = carried.Count > 0 ? Coverage(weighted, best) : null;
            var coverage = (ownCoverage is { } o && withContext is { } c && followUp is { PointsBack: true } ? Math.Max(o, c) : ownCoverage)
                ?? withContext
                ?? (ordinals.Count > 0 && own.Count > 0 ? own.Count(index.TermsOf(ordinals[0]).Contains) / (double)own.Count : 0);
            return signals with { Passages = ranked, Coverage = coverage };
        });
    }

    /// <summary>The informative question terms in a passage: the document's subject in every passage is no match.</summary>
    public HashSet<string> Matched(int ordinal, IEnumerable<string> terms) =>
        terms.Where(t => index.TermsOf(ordinal).Contains(t) && !index.IsUbiquitous(index.DocFreq(t))).ToHashSet();

    /// <summary>
    /// The IDF-weighted share of the question's informative terms found in the best passage, or null when
    /// it has none. Terms in most passages (the document's subject) say nothing about whether it is covered.
    /// </summary>
    private double? Coverage(IReadOnlyList<(string Term, float Weight)> terms, IReadOnlySet<string> matched)
    {
        double total = 0, found = 0;
        foreach (var (term, termWeight) in terms)
        {
            var docFreq = index.DocFreq(term);
            if (index.IsUbiquitous(docFreq))
            {
                continue;
            }
            var weight = termWeight * index.Idf(docFreq);
            total += weight;
            if (matched.Contains(term))
            {
                found += weight;
            }
        }
        return total == 0 ? null : found / total;
    }
}
