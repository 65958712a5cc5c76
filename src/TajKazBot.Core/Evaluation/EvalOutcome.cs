using TajKazBot.Core.Answering;

namespace TajKazBot.Core.Evaluation;

/// <param name="FirstCorrectRank">1-based rank of the first correct passage among those ranked, or null.</param>
public sealed record EvalOutcome(EvalQuestion Question, Answer Answer, int? FirstCorrectRank, double LatencyMs)
{
    /// <summary>Answered from the document: neither declined nor small talk.</summary>
    public bool Answered => Answer.Kind is AnswerKind.Extractive or AnswerKind.Generative;
}
