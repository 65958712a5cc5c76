using TajKazBot.Core.Answering;
using TajKazBot.Core.Corpus;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// Lucene's BM25 ranking fused with sentence-embedding similarity by a convex combination of normalised
/// scores: BM25 divided by the best BM25 score of the question, cosine similarity min–max scaled over the
/// passages, weighted by <see cref="RetrievalOptions.SemanticWeight"/>. Score fusion keeps how far apart
/// passages are, which rank fusion (RRF) throws away: a passage that BM25 ranks second but far below the
/// first is not lifted just for being second, and a paraphrase with no shared words can still win on
/// similarity alone.
/// Whether the document answers the question is judged on both signals together: the lexical coverage,
/// and how close the question's closest document sentence is once the words naming the document's subject
/// are taken out ("What is the highest mountain in Tajikistan?" is near the document only through
/// "Tajikistan"; without it, nothing in the document is about mountains' heights).
/// </summary>
public sealed class HybridRetriever(LuceneRetriever lexical, SemanticIndex semantic, RetrievalOptions options) : IPassageRetriever
{
    private readonly Dictionary<Passage, int> ordinals = Ordinals(lexical.Passages);

    public RetrievalResult Retrieve(string question, int count, string? context = null)
    {
        var passages = lexical.Passages;
        var words = lexical.Retrieve(question, passages.Count, context);
        var searched = words.Searched.Trim();
        if (count <= 0 || passages.Count == 0 || !searched.Any(char.IsLetterOrDigit))
        {
            return words with { Passages = words.Passages.Take(Math.Max(0, count)).ToList() };
        }

        // One model run embeds the question, the question without the document's subject words (for the
        // evidence) and the conversation's context (for follow-ups).
        var topic = lexical.WithoutSubjectWords(context is not null && FollowUpQuestions.PointsBack(question) ? $"{searched} {context}" : searched);
        var texts = new List<string> { searched };
        var ownTopic = topic.Length > 0 && topic != searched;
        if (ownTopic)
        {
            texts.Add(topic);
        }
        if (context is not null)
        {
            texts.Add(context);
        }
        var vectors = semantic.Embed(texts);
        var topicVector = ownTopic ? vectors[1] : vectors[0];
        var similarity = semantic.Similarities(vectors[0]);
        if (context is not null)
        {
            similarity = similarity.Zip(semantic.Similarities(vectors[^1]), (q, c) => (q + options.ContextWeight * c) / (1 + options.ContextWeight)).ToArray();
        }

        var bm25 = new double[passages.Count];
        var matched = new IReadOnlySet<string>[passages.Count];
        foreach (var hit in words.Passages)
        {
            var ordinal = ordinals[hit.Passage];
            bm25[ordinal] = hit.Score;
            matched[ordinal] = hit.MatchedTerms;
        }
        var bestBm25 = bm25.Max();
        var (low, high) = (similarity.Min(), similarity.Max());
        var fused = Enumerable.Range(0, passages.Count)
            .Select(i =>
            {
                var lexicalScore = bestBm25 > 0 ? bm25[i] / bestBm25 : 0;
                var semanticScore = high > low ? (similarity[i] - low) / (high - low) : 0;
                return options.SemanticWeight * semanticScore + (1 - options.SemanticWeight) * lexicalScore;
            })
            .ToArray();
        var ranked = Enumerable.Range(0, passages.Count)
            .OrderByDescending(i => fused[i])
            .ThenBy(i => i)
            .Take(count)
            .Select(i => new ScoredPassage(passages[i], fused[i], matched[i] ?? new HashSet<string>()))
            .ToList();

        var evidence = Evidence(semantic.BestSentenceSimilarity(topicVector), words.Coverage);
        return new RetrievalResult(ranked, words.Terms, words.Coverage, ranked.Count > 0 && evidence >= options.MinSimilarity)
        {
            Evidence = evidence,
            QuestionVector = vectors[0],
        };
    }

    /// <summary>
    /// The weaker of the two signals, each against its own threshold, on the similarity scale: the question
    /// must be near some sentence in meaning and share informative words with the best passage. An off-topic
    /// question often passes one test ("Kazakhstan's ambassador" sits near the diplomacy passages; "the highest
    /// mountain in Tajikistan" shares a stem with "mountainous") but rarely both, while a paraphrase passes
    /// the first easily and the second with a few shared words.
    /// </summary>
    private double Evidence(double similarity, double coverage)
    {
        var semanticEvidence = Math.Max(0, similarity);
        return options.MinCoverage > 0 ? Math.Min(semanticEvidence, coverage * options.MinSimilarity / options.MinCoverage) : semanticEvidence;
    }

    /// <summary>Positions by reference: the lexical retriever hands back the very passage objects it was built with.</summary>
    private static Dictionary<Passage, int> Ordinals(IReadOnlyList<Passage> passages)
    {
        var ordinals = new Dictionary<Passage, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < passages.Count; i++)
        {
            ordinals.TryAdd(passages[i], i);
        }
        return ordinals;
    }
}
