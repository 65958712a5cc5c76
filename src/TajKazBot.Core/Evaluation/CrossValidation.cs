namespace TajKazBot.Core.Evaluation;

/// <summary>
/// k-fold cross-validation of the settings, stratified by kind: for each fold, the settings that score best
/// on the other folds are chosen and judged on the held-out fold alone, so the reported figures are those
/// of questions the choice never saw. Each question's outcome depends only on the settings, so every grid
/// point is run once over the whole set and the folds only decide which outcomes count where.
/// </summary>
public sealed class CrossValidation(Func<Tuning, Evaluator> evaluatorFor)
{
    public async Task<CrossValidationReport> RunAsync(IReadOnlyList<EvalQuestion> questions, int folds, IReadOnlyList<Tuning> grid, CancellationToken cancellationToken)
    {
        var runs = new List<IReadOnlyList<EvalOutcome>>();
        foreach (var tuning in grid)
        {
            runs.Add(await evaluatorFor(tuning).RunAsync(questions, cancellationToken));
        }
        var fold = Folds(questions, folds);
        var best = (Func<int, bool> selected) => Best(runs, grid, selected);
        var held = new List<EvalOutcome>();
        var chosen = new List<Tuning>();
        for (var f = 0; f < folds; f++)
        {
            var chosenIndex = best(i => fold[i] != f);
            chosen.Add(grid[chosenIndex]);
            held.AddRange(runs[chosenIndex].Where((_, i) => fold[i] == f));
        }
        var whole = best(_ => true);
        return new CrossValidationReport(EvalMetrics.Compute(held, 10), chosen, grid[whole], EvalMetrics.Compute(runs[whole], 10));
    }

    /// <summary>What the choice maximises: the recall, answer, decline and small-talk rates, equally weighted.</summary>
    public static double Objective(IReadOnlyList<EvalOutcome> outcomes)
    {
        var m = EvalMetrics.Compute(outcomes, 10);
        return m["recall_at_1"] + m["recall_at_3"] + m["answer_rate"] + m["ood_decline_rate"] + m["smalltalk_rate"];
    }

    /// <summary>Fold of each question: round-robin within each kind, in file order.</summary>
    public static int[] Folds(IReadOnlyList<EvalQuestion> questions, int folds)
    {
        var fold = new int[questions.Count];
        foreach (var kind in questions.Select((q, i) => (q.Kind, i)).GroupBy(x => x.Kind))
        {
            var n = 0;
            foreach (var (_, i) in kind)
            {
                fold[i] = n++ % folds;
            }
        }
        return fold;
    }

    /// <summary>
    /// The grid point with the highest objective over the selected questions. A few dozen lines leave many
    /// points tied; of those, the one nearest their centre (each setting scaled to its range in the grid),
    /// so the choice sits inside the good region rather than on its edge.
    /// </summary>
    private static int Best(List<IReadOnlyList<EvalOutcome>> runs, IReadOnlyList<Tuning> grid, Func<int, bool> selected)
    {
        var scores = runs.Select(run => Objective(run.Where((_, i) => selected(i)).ToList())).ToList();
        var top = scores.Max();
        var tied = Enumerable.Range(0, grid.Count).Where(i => scores[i] >= top - 1e-9).ToList();
        var settings = grid.Select(Settings).ToList();
        var dimensions = settings[0].Length;
        var range = Enumerable.Range(0, dimensions).Select(d => Math.Max(1e-9, settings.Max(s => s[d]) - settings.Min(s => s[d]))).ToArray();
        var centre = Enumerable.Range(0, dimensions).Select(d => tied.Average(i => settings[i][d])).ToArray();
        return tied.MinBy(i => Enumerable.Range(0, dimensions).Sum(d => Math.Pow((settings[i][d] - centre[d]) / range[d], 2)));
    }

    private static double[] Settings(Tuning t) =>
        [t.SemanticWeight, t.StrongSimilarity, t.MinSimilarity, t.MinCoverage, t.NameCoverage, t.SmallTalkSimilarity, t.AliasSimilarity];
}
