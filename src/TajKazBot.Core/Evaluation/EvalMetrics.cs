using TajKazBot.Core.Answering;

namespace TajKazBot.Core.Evaluation;

/// <summary>The metrics of shared/eval/README.md, keyed by their names there, plus recall per kind.</summary>
public static class EvalMetrics
{
    public static SortedDictionary<string, double> Compute(IReadOnlyList<EvalOutcome> outcomes, int k)
    {
        var inDomain = outcomes.Where(o => o.Question.InDomain).ToList();
        var outOfDomain = outcomes.Where(o => o.Question.IsOutOfDomain).ToList();
        var smallTalk = outcomes.Where(o => o.Question.IsSmallTalk).ToList();
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            ["recall_at_1"] = Recall(inDomain, 1),
            ["recall_at_3"] = Recall(inDomain, 3),
            [$"recall_at_{k}"] = Recall(inDomain, k),
            ["mrr_at_10"] = Share(inDomain, o => o.FirstCorrectRank is { } r && r <= 10 ? 1.0 / r : 0),
            ["precise_at_1"] = Share(inDomain, o => o.Answered && o.Answer.PreciseAnswer is { } p && o.Question.IsCorrect(p) ? 1 : 0),
            ["answer_rate"] = Share(inDomain, o => o.Answered ? 1 : 0),
            ["ood_decline_rate"] = Share(outOfDomain, o => o.Answer.Kind == AnswerKind.Declined ? 1 : 0),
            ["smalltalk_rate"] = Share(smallTalk, o => o.Answer.Kind == AnswerKind.SmallTalk ? 1 : 0),
            ["latency_p50_ms"] = Percentile(outcomes.Select(o => o.LatencyMs), 0.50),
            ["latency_p95_ms"] = Percentile(outcomes.Select(o => o.LatencyMs), 0.95),
            ["n_in_domain"] = inDomain.Count,
            ["n_ood"] = outOfDomain.Count,
            ["n_smalltalk"] = smallTalk.Count,
        };
        if (outcomes.Any(o => o.Answer.Kind == AnswerKind.Generative))
        {
            // Written answers are judged by what they cite, not by what retrieval ranked.
            metrics["cited_correct_rate"] = Share(inDomain, o => o.Answer.Kind == AnswerKind.Generative
                && o.Answer.Citations.Any(c => o.Question.IsCorrect(c.Passage.Text)) ? 1 : 0);
            metrics["generative_rate"] = Share(outcomes, o => o.Answer.Kind == AnswerKind.Generative ? 1 : 0);
        }
        foreach (var kind in inDomain.GroupBy(o => o.Question.Kind))
        {
            metrics[$"recall_at_3_{kind.Key}"] = Recall(kind.ToList(), 3);
        }
        return metrics;
    }

    /// <summary>How many lines of each kind ended with each reason (<see cref="DeclineReason.None"/>: answered from the document).</summary>
    public static IReadOnlyList<(string Kind, DeclineReason Reason, int Count)> Reasons(IReadOnlyList<EvalOutcome> outcomes) =>
        outcomes.GroupBy(o => (o.Question.Kind, o.Answer.Reason))
            .Select(g => (g.Key.Kind, g.Key.Reason, g.Count()))
            .OrderBy(r => r.Kind, StringComparer.Ordinal)
            .ThenBy(r => r.Reason)
            .ToList();

    private static double Recall(IReadOnlyList<EvalOutcome> outcomes, int k) =>
        Share(outcomes, o => o.FirstCorrectRank is { } r && r <= k ? 1 : 0);

    private static double Share(IReadOnlyList<EvalOutcome> outcomes, Func<EvalOutcome, double> score) =>
        outcomes.Count == 0 ? 0 : Math.Round(outcomes.Average(score), 4);

    private static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return 0;
        }
        var index = (int)Math.Ceiling(p * sorted.Count) - 1;
        return Math.Round(sorted[Math.Clamp(index, 0, sorted.Count - 1)], 2);
    }
}
