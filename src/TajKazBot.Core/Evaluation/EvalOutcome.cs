using TajKazBot.Core.Answering;

namespace TajKazBot.Core.Evaluation;

/// <param name="FirstCorrectRank">1-based rank of the first correct passage among those ranked, or null.</param>
public sealed record EvalOutcome(EvalQuestion Question, Answer Answer, int? FirstCorrectRank, double LatencyMs)
{
    public bool Answered => Answer.Kind != AnswerKind.Declined;
}
