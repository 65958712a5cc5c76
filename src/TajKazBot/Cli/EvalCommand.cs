using System.Globalization;
using System.Text.Json;
using TajKazBot.Core.Answering;
using TajKazBot.Core.Evaluation;

namespace TajKazBot.Cli;

/// <summary>
/// <c>eval FILE.jsonl [--k N] [--cv FOLDS] [--json]</c>: scores a question set with the bot's own answering
/// path; with <c>--cv</c>, also chooses the settings by cross-validation and reports the held-out figures.
/// </summary>
public static class EvalCommand
{
    /// <param name="k">The cut-off of recall@k and the like.</param>
    /// <param name="folds">Cross-validation folds; 0 for none.</param>
    /// <param name="scale">The similarities cross-validation tries, on the measuring encoder's scale; null for a lexical-only bot.</param>
    public static async Task<int> RunAsync(QuestionAnswerer answerer, Func<Tuning, QuestionAnswerer> tuned, SimilarityScale? scale,
        string file, int k, int folds, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        var questions = EvalQuestion.Load(file);
        var outcomes = await new Evaluator(answerer).RunAsync(questions, cancellationToken);
        var metrics = EvalMetrics.Compute(outcomes, k);
        var report = folds > 0
            ? await new CrossValidation(t => new Evaluator(tuned(t))).RunAsync(questions, folds, Tuning.Grid(scale), cancellationToken)
            : null;
        if (json)
        {
            await output.WriteLineAsync(report is null
                ? JsonSerializer.Serialize(metrics)
                : JsonSerializer.Serialize(new { metrics, cross_validated = report.Metrics, chosen = report.Chosen, whole_set_choice = report.WholeSet }));
            return 0;
        }
        await WriteMetricsAsync(output, metrics);
        await output.WriteLineAsync();
        await output.WriteLineAsync("how each kind ended (reason: None = answered from the document):");
        foreach (var (kind, reason, count) in EvalMetrics.Reasons(outcomes))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {kind,-12} {reason,-15} {count,4}"));
        }
        await output.WriteLineAsync();
        foreach (var outcome in outcomes.Where(IsMiss))
        {
            var q = outcome.Question;
            var verdict = q.InDomain
                ? outcome.Answered ? $"correct at rank {outcome.FirstCorrectRank?.ToString(CultureInfo.InvariantCulture) ?? "-"}" : $"not answered ({outcome.Answer.Reason})"
                : q.IsSmallTalk ? $"ended as {outcome.Answer.Kind} ({outcome.Answer.Reason}), not small talk" : $"ended as {outcome.Answer.Kind}, should decline";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"miss {q.Id} [{q.Kind}] {verdict} (evidence {outcome.Answer.Evidence:0.000}): {q.Question}"));
        }
        if (report is not null)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync($"{folds}-fold cross-validation (each fold judged with the settings chosen on the others):");
            await WriteMetricsAsync(output, report.Metrics);
            await output.WriteLineAsync();
            foreach (var (tuning, fold) in report.Chosen.Select((t, f) => (t, f)))
            {
                await output.WriteLineAsync($"  fold {fold + 1}: {tuning}");
            }
            await output.WriteLineAsync($"  whole set: {report.WholeSet}");
        }
        return 0;
    }

    private static bool IsMiss(EvalOutcome outcome) =>
        outcome.Question.InDomain ? outcome.FirstCorrectRank is not (>= 1 and <= 3)
        : outcome.Question.IsSmallTalk ? outcome.Answer.Kind != AnswerKind.SmallTalk
        : outcome.Answer.Kind != AnswerKind.Declined;

    private static async Task WriteMetricsAsync(TextWriter output, IReadOnlyDictionary<string, double> metrics)
    {
        foreach (var (name, value) in metrics)
        {
            await output.WriteLineAsync($"{name,-28} {value.ToString("0.####", CultureInfo.InvariantCulture)}");
        }
    }
}
