using TajKazBot.Core.Corpus;
using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Answering;

/// <summary>
/// Precise answering: the sentence of the best passage that answers the question, scored like passages
/// are, on both signals: the IDF-weighted share of the question's terms the sentence contains, and (when
/// semantic ranking is on) its cosine similarity to the question. The sentence after it joins when it
/// scores nearly as well, since an answer often runs over two sentences ("… include machinery. These …").
/// </summary>
public sealed class PreciseAnswerFinder(LuceneRetriever lexical, SemanticIndex? semantic, AnsweringOptions options)
{
    /// <summary>The answering sentence(s) of the first ranked passage, or null when there is none.</summary>
    public string? Find(RetrievalResult retrieval)
    {
        if (retrieval.Passages.Count == 0)
        {
            return null;
        }
        var best = retrieval.Passages[0];
        var spans = Sentences(best.Passage);
        if (spans.Count == 0)
        {
            return null;
        }
        var terms = retrieval.Terms;
        var weights = terms.ToDictionary(t => t, lexical.Idf, StringComparer.Ordinal);
        var total = weights.Values.Sum();
        var vectors = retrieval.QuestionVector is { } question && semantic is not null
            ? semantic.SentencesOf(best.Passage).ToDictionary(s => (s.Start, s.End), s => SentenceEmbedder.Cosine(question, s.Vector))
            : null;
        var scores = spans
            .Select(span =>
            {
                var text = best.Passage.Text[span.Start..span.End];
                var found = TextAnalysis.DistinctTerms(lexical.Analyzer, LuceneRetriever.TextField, text).Where(weights.ContainsKey).Sum(t => weights[t]);
                var lexicalScore = total > 0 ? found / total : 0;
                return vectors is not null && vectors.TryGetValue(span, out var cosine)
                    ? options.PreciseSemanticWeight * cosine + (1 - options.PreciseSemanticWeight) * lexicalScore
                    : lexicalScore;
            })
            .ToList();
        var top = scores.IndexOf(scores.Max());
        var end = top + 1 < spans.Count && scores[top + 1] >= options.PreciseSecondSentenceShare * scores[top] ? top + 1 : top;
        return best.Passage.Text[spans[top].Start..spans[end].End].Trim();
    }

    private static List<(int Start, int End)> Sentences(Passage passage) =>
        SentenceSplitter.Split(passage.Text).Where(s => passage.Text.AsSpan(s.Start, s.End - s.Start).Trim().Length > 0).ToList();
}
