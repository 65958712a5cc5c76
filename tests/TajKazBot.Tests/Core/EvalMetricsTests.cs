using TajKazBot.Core.Answering;
using TajKazBot.Core.Corpus;
using TajKazBot.Core.Evaluation;
using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Tests;

public sealed class EvalMetricsTests
{
    private static readonly Passage Right = new("d#p1", "Doc", ["S"], "It was a brutal civil war from 1992 to 1997.", 0, 10, "d.txt");
    private static readonly Passage Wrong = new("d#p2", "Doc", ["S"], "Nothing relevant here.", 10, 20, "d.txt");

    [Fact]
    public void Correctness_normalises_case_space_and_quotes()
    {
        var question = new EvalQuestion("q", "?", ["The Soviet Union’s  central planning"], "factoid", null);

        Assert.True(question.IsCorrect("the soviet union's central\nplanning created"));
        Assert.False(question.IsCorrect("soviet planning"));
    }

    [Fact]
    public void Metrics_follow_the_eval_readme()
    {
        var outcomes = new[]
        {
            Outcome(["civil war from 1992"], AnswerKind.Extractive, [Right, Wrong], 1, 2),
            Outcome(["civil war from 1992"], AnswerKind.Extractive, [Wrong, Wrong, Right], 3, 4),
            Outcome(["civil war from 1992"], AnswerKind.Declined, [Right], null, 6),
            Outcome([], AnswerKind.Declined, [], null, 8),
            Outcome([], AnswerKind.Extractive, [Wrong], null, 10),
        };

        var metrics = EvalMetrics.Compute(outcomes, 10);

        Assert.Equal(0.3333, metrics["recall_at_1"]);
        Assert.Equal(0.6667, metrics["recall_at_3"]);
        Assert.Equal(Math.Round((1 + 1 / 3.0) / 3, 4), metrics["mrr_at_10"]);
        Assert.Equal(0.6667, metrics["answer_rate"]);
        Assert.Equal(0.5, metrics["ood_decline_rate"]);
        Assert.Equal(3, metrics["n_in_domain"]);
        Assert.Equal(2, metrics["n_ood"]);
        Assert.Equal(6, metrics["latency_p50_ms"]);
        Assert.Equal(10, metrics["latency_p95_ms"]);
        Assert.Equal(0.6667, metrics["recall_at_3_factoid"]);
    }

    [Fact]
    public void Questions_load_from_jsonl_with_followup_context()
    {
        var file = Path.GetTempFileName();
        File.WriteAllLines(file,
        [
            """{"id": "a", "question": "Q1?", "answers": ["x"], "kind": "factoid"}""",
            "",
            """{"id": "b", "question": "Q2?", "answers": [], "kind": "followup", "context": "Q0?"}""",
        ]);

        var questions = EvalQuestion.Load(file);

        Assert.Equal(2, questions.Count);
        Assert.True(questions[0].InDomain);
        Assert.Equal("Q0?", questions[1].Context);
        Assert.False(questions[1].InDomain);
        File.Delete(file);
    }

    private static EvalOutcome Outcome(string[] answers, AnswerKind kind, Passage[] ranked, int? rank, double latency)
    {
        var question = new EvalQuestion(Guid.NewGuid().ToString(), "?", answers, "factoid", null);
        var answer = new Answer(kind, "", [], "?", ranked.Select(p => new ScoredPassage(p, 1, new HashSet<string>())).ToList());
        return new EvalOutcome(question, answer, rank, latency);
    }
}
