using TajKazBot.Core.Corpus;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// Lucene's BM25 ranking fused with sentence-embedding similarity by a convex combination of normalised
/// scores: BM25 divided by the best BM25 score of the question, cosine similarity min–max scaled over the
/// passages, weighted by <see cref="RetrievalOptions.SemanticWeight"/>. Score fusion keeps how far apart
/// passages are, which rank fusion (RRF) throws away: a passage that BM25 ranks second but far below the
/// first is not lifted just for being second, and a paraphrase with no shared words can still win on
/// similarity alone. Similarity is first centred on the other documents (<see cref="Commonness"/>), so that in a corpus
/// of many documents a near-empty passage close to every vague question does not win on that alone.
/// Besides the lexical signals it measures how close the question is in meaning to the document's closest
/// sentence (see <see cref="QuestionVectorsAsync"/>), and drops unknown names that mean a name the document uses.
/// </summary>
/// <param name="semantic">The measuring encoder's index; it ranks too unless <paramref name="ranking"/> is given.</param>
/// <param name="ranking">A second encoder's index to rank passages by (the first then only measures); null ranks with the first.</param>
public sealed class HybridRetriever(LuceneRetriever lexical, SemanticIndex semantic, RetrievalOptions options, SemanticIndex? ranking = null) : IPassageRetriever
{
    /// <summary>
    /// BM25 hits fused per question. Past the best thousand a passage's normalised BM25, times its 0.1 weight, is
    /// noise next to its similarity, while fetching every hit of a corpus of tens of thousands costs milliseconds.
    /// </summary>
    private const int LexicalCandidates = 1000;

    private readonly Dictionary<Passage, int> ordinals = PassageOrdinals.Of(lexical.Index.Passages);

    /// <summary>Each passage's closeness to the other documents, on the ranking encoder's scale: computed once, in milliseconds.</summary>
    private readonly double[] commonness = Commonness.Of(lexical.Index.Passages, (ranking ?? semantic).Vectors);

    public async Task<RetrievalResult> RetrieveAsync(string question, int count, FollowUp? followUp = null, CancellationToken cancellationToken = default)
    {
        var passages = lexical.Index.Passages;
        var words = lexical.Candidates(question, Math.Min(passages.Count, LexicalCandidates), followUp, described: 1);
        var searched = words.Searched.Trim();
        if (count <= 0 || passages.Count == 0 || !searched.Any(char.IsLetterOrDigit))
        {
            return lexical.WithUnknown(words with { Passages = words.Passages.Take(Math.Max(0, count)).ToList() });
        }

        var (vector, topicVector) = await QuestionVectorsAsync(searched, followUp, cancellationToken);
        var ranker = ranking ?? semantic;
        var (similarity, bestSentence) = ranker.Similarities(vector);
        if (followUp is not null)
        {
            var weight = followUp.PointsBack ? options.ContextWeight : options.SwitchContextWeight;
            var contextVector = await ranker.EmbedQuestionAsync(followUp.Context, cancellationToken);
            var (context, _) = ranker.Similarities(contextVector);
            similarity = similarity.Zip(context, (q, c) => (q + weight * c) / (1 + weight)).ToArray();
            if (options.MeasuresWithQuestionVector && followUp.PointsBack)
            {
                // "When was that?" is as close to the document as the question it points back to.
                topicVector = SentenceEmbedder.Mean(vector, contextVector);
            }
        }

        for (var i = 0; i < similarity.Length; i++)
        {
            // After the context's share: a weighted mean of similarities, centred on the other documents as each was.
            similarity[i] -= options.CommonnessWeight * commonness[i];
        }

        var bm25 = new double[passages.Count];
        foreach (var hit in words.Passages)
        {
            bm25[ordinals[hit.Passage]] = hit.Score;
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
            .Select(i => new ScoredPassage(passages[i], fused[i], bm25[i] > 0 ? lexical.Matched(i, words.Terms.Concat(words.CarriedTerms)) : new HashSet<string>()))
            .ToList();

        // Unknown to the document that answers: the best passage's, after fusion.
        var unknown = lexical.Index.UnknownIn(ranked);
        var unknownNames = new List<string>();
        foreach (var name in unknown.Names(searched))
        {
            if (!await semantic.IsAliasAsync(name, options.AliasSimilarity, cancellationToken))
            {
                unknownNames.Add(name);
            }
        }
        return words with
        {
            Passages = ranked,
            // One pass over the sentence vectors when the vector that ranks also measures (arctic-embed alone).
            Similarity = Math.Max(0, ranker == semantic && topicVector == vector ? bestSentence : semantic.BestSentenceSimilarity(topicVector)),
            UnknownNames = unknownNames,
            UnknownNumbers = unknown.Numbers(searched),
            QuestionVector = ranking is null ? vector : topicVector,
        };
    }

    /// <summary>
    /// The vector that ranks and the one that measures the topic. Encoder calls are the cost of a turn. With arctic-embed
    /// alone, one call: its vector of the question both ranks and measures. With MiniLM measuring, the topic is the
    /// question without the subject's words ("What is the highest mountain in Tajikistan?" is near the document only
    /// through "Tajikistan"), a call of its own; arctic-embed, when it ranks, runs its call beside it (the encoders
    /// have sessions of their own), else MiniLM embeds the whole question too.
    /// </summary>
    private async Task<(float[] Ranking, float[] Topic)> QuestionVectorsAsync(string searched, FollowUp? followUp, CancellationToken cancellationToken)
    {
        if (options.MeasuresWithQuestionVector)
        {
            var vector = await semantic.EmbedQuestionAsync(searched, cancellationToken);
            return (vector, vector);
        }
        var topic = lexical.Index.WithoutSubjectWords(followUp is { PointsBack: true } ? $"{searched} {followUp.Context}" : searched);
        var rankingVector = ranking is null ? null : Task.Run(() => ranking.EmbedQuestionAsync(searched, cancellationToken), cancellationToken);
        var topicVector = await semantic.EmbedAsync(topic.Length > 0 ? topic : searched, cancellationToken);
        return rankingVector is not null ? (await rankingVector, topicVector)
            : topic == searched ? (topicVector, topicVector)
            : (await semantic.EmbedAsync(searched, cancellationToken), topicVector);
    }
}
