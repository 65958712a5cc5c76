namespace TajKazBot.Core.Evaluation;

/// <summary>The settings that cross-validation chooses: the fusion weight and the thresholds of declining, small talk and names.</summary>
public sealed record Tuning(double SemanticWeight, double StrongSimilarity, double MinSimilarity, double MinCoverage, double NameCoverage,
    double SmallTalkSimilarity, double AliasSimilarity)
{
    /// <summary>Every combination of the candidate values, in a fixed order; the similarities on the measuring encoder's scale (null: lexical only).</summary>
    public static IReadOnlyList<Tuning> Grid(SimilarityScale? scale) =>
        (from weight in scale is not null ? new[] { 0.7, 0.8, 0.9 } : [0.0]
         from strong in scale?.Strong ?? [1.0]
         from min in scale?.Min ?? [0.0]
         from coverage in new[] { 0.05, 0.15, 0.3 }
         from name in new[] { 0.3, 0.5, 0.7 }
         from smallTalk in scale?.SmallTalk ?? [1.0]
         from alias in scale?.Alias ?? [1.0]
         select new Tuning(weight, strong, min, coverage, name, smallTalk, alias)).ToList();
}
