namespace TajKazBot.Core.Evaluation;

/// <param name="Metrics">The metrics over the held-out folds, each judged with the settings chosen without it.</param>
/// <param name="Chosen">The settings chosen for each fold.</param>
/// <param name="WholeSet">The settings the same choice makes on the whole set (what the defaults should be).</param>
/// <param name="WholeSetMetrics">The whole set's metrics with those settings (optimistic: chosen on the same lines).</param>
public sealed record CrossValidationReport(
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<Tuning> Chosen,
    Tuning WholeSet,
    IReadOnlyDictionary<string, double> WholeSetMetrics);
