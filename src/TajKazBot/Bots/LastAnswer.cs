using TajKazBot.Core.Answering;

namespace TajKazBot.Bots;

/// <summary>
/// What the conversation remembers of its last answer, for <c>more</c>, <c>source N</c> and feedback.
/// Passages are kept by id (the corpus is loaded at start), so the state stays small and serialisable.
/// </summary>
/// <param name="Cited">Every passage shown so far for the question, by its <c>[n]</c> number.</param>
/// <param name="Ranked">Every passage retrieval ranked for the question, best first.</param>
public sealed record LastAnswer(
    string Question,
    AnswerKind Kind,
    IReadOnlyList<CitedPassage> Cited,
    IReadOnlyList<RankedPassage> Ranked);
