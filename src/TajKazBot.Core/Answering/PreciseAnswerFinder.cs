using System.Collections.Concurrent;
using TajKazBot.Core.Corpus;
using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Answering;

/// <summary>
/// Precise answering: the sentence of the best passage that answers the question, scored like passages
/// are, on both signals: the IDF-weighted share of the question's terms the sentence contains, and (when
/// semantic ranking is on) its cosine similarity to the question. Its better-scoring neighbour joins it
/// when it scores at least <see cref="AnsweringOptions.PreciseSecondSentenceShare"/> of it, since an answer
/// often runs over two sentences ("… such as the CSTO. Their cooperation within these forums …").
/// </summary>
public sealed class PreciseAnswerFinder(ITermStatistics lexical, SemanticIndex? semantic, AnsweringOptions options)
{
    /// <summary>Each passage's sentences with their analysed terms, once: passages never change, and analysis was most of this stage.</summary>
    private readonly ConcurrentDictionary<string, List<Sentence>> sentences = new(StringComparer.Ordinal);

    /// <summary>The answering sentence(s) of the first ranked passage, or null when there is none.</summary>
    public string? Find(RetrievalResult retrieval)
    {
        if (retrieval.Passages.Count == 0)
        {
            return null;
        }
        var best = retrieval.Passages[0];
        var spans = sentences.GetOrAdd(best.Passage.Id, _ => Sentences(best.Passage));
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
                var found = span.Terms.Where(weights.ContainsKey).Sum(t => weights[t]);
                var lexicalScore = total > 0 ? found / total : 0;
                return vectors is not null && vectors.TryGetValue((span.Start, span.End), out var cosine)
                    ? options.PreciseSemanticWeight * cosine + (1 - options.PreciseSemanticWeight) * lexicalScore
                    : lexicalScore;
            })
            .ToList();
        var top = scores.IndexOf(scores.Max());
        // The better-scoring neighbour joins the sentence when it scores close to it: the sentence that matches
        // the question best often only restates it ("High-level visits have been key…") and the next one answers.
        var neighbour = top + 1 < spans.Count && (top == 0 || scores[top + 1] >= scores[top - 1]) ? top + 1 : top - 1;
        var joins = neighbour >= 0 && scores[neighbour] >= options.PreciseSecondSentenceShare * scores[top];
        var (start, end) = joins ? (Math.Min(top, neighbour), Math.Max(top, neighbour)) : (top, top);
        return best.Passage.Text[spans[start].Start..spans[end].End].Trim();
    }

    private List<Sentence> Sentences(Passage passage) => SentenceSplitter.Split(passage.Text)
        .Where(s => passage.Text.AsSpan(s.Start, s.End - s.Start).Trim().Length > 0)
        .Select(s => new Sentence(s.Start, s.End, lexical.Terms(passage.Text[s.Start..s.End]).Select(t => t.Term).ToHashSet(StringComparer.Ordinal)))
        .ToList();

    private sealed record Sentence(int Start, int End, HashSet<string> Terms);
}
