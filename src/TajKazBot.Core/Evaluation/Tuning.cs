namespace TajKazBot.Core.Evaluation;

/// <summary>The settings that cross-validation chooses: the fusion weight and the decline thresholds.</summary>
public sealed record Tuning(double SemanticWeight, double StrongSimilarity, double MinSimilarity, double MinCoverage, double NameCoverage)
{
    /// <summary>Every combination of the candidate values, in a fixed order.</summary>
    public static IReadOnlyList<Tuning> Grid(bool semantic) =>
        (from weight in semantic ? new[] { 0.7, 0.8, 0.9 } : [0.0]
         from strong in semantic ? new[] { 0.35, 0.4, 0.45, 0.5, 0.6 } : [1.0]
         from min in semantic ? new[] { 0.15, 0.2, 0.25, 0.3 } : [0.0]
         from coverage in new[] { 0.05, 0.15, 0.3 }
         from name in new[] { 0.3, 0.5, 0.7 }
         select new Tuning(weight, strong, min, coverage, name)).ToList();
}
