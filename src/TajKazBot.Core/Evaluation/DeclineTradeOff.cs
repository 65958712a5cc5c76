namespace TajKazBot.Core.Evaluation;

/// <summary>
/// What a decline threshold trades: for each threshold on the answers' evidence, the share of in-domain
/// questions still answered and of out-of-domain ones declined. Retrieval does not depend on the
/// threshold, so one run gives the whole curve.
/// </summary>
public static class DeclineTradeOff
{
    public static IReadOnlyList<(double Threshold, double AnswerRate, double OodDeclineRate)> Curve(
        IReadOnlyList<EvalOutcome> outcomes, IEnumerable<double> thresholds)
    {
        var inDomain = outcomes.Where(o => o.Question.InDomain && o.Answer.Ranked.Count > 0).ToList();
        var inDomainCount = outcomes.Count(o => o.Question.InDomain);
        var outOfDomain = outcomes.Where(o => !o.Question.InDomain).ToList();
        return thresholds
            .Select(t => (
                t,
                inDomainCount == 0 ? 0 : Math.Round(inDomain.Count(o => o.Answer.Evidence >= t) / (double)inDomainCount, 4),
                outOfDomain.Count == 0 ? 0 : Math.Round(outOfDomain.Count(o => o.Answer.Ranked.Count == 0 || o.Answer.Evidence < t) / (double)outOfDomain.Count, 4)))
            .ToList();
    }
}
