using TajKazBot.Core.Answering;

namespace TajKazBot.Conversation;

/// <summary>
/// What the conversation remembers of its last answer, for <c>more</c>, <c>source N</c> and feedback.
/// Passages are kept by id (the corpus is loaded at start), so the state stays small and serialisable.
/// The lists are concrete <see cref="List{T}"/>s because Bot Framework storage writes each value's
/// runtime type into the JSON and must be able to construct it again.
/// </summary>
/// <param name="Cited">Every passage shown so far for the question, by its <c>[n]</c> number.</param>
/// <param name="Ranked">Every passage retrieval ranked for the question, best first.</param>
public sealed record LastAnswer(
    string Question,
    AnswerKind Kind,
    List<CitedPassage> Cited,
    List<RankedPassage> Ranked);
