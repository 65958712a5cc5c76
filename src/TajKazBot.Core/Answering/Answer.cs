using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Answering;

/// <summary>
/// What the bot says, independent of channel and answering mode. <see cref="Text"/> is markdown whose
/// <c>[n]</c> markers name <see cref="Citations"/> by number.
/// </summary>
/// <param name="Question">The question as it was searched (after follow-up rewriting).</param>
/// <param name="Ranked">Every passage retrieval ranked for the question, best first; citations are the first of them.</param>
public sealed record Answer(
    AnswerKind Kind,
    string Text,
    IReadOnlyList<Citation> Citations,
    string Question,
    IReadOnlyList<ScoredPassage> Ranked)
{
    /// <summary>A short line for the user about how the answer was made, e.g. that the written answer is unavailable.</summary>
    public string? Notice { get; init; }

    /// <summary>The one or two sentences of the first cited passage that answer the question, shown in bold above the passages.</summary>
    public string? PreciseAnswer { get; init; }

    /// <summary>Why the document was not used to answer; <see cref="DeclineReason.None"/> for an answer from it.</summary>
    public DeclineReason Reason { get; init; }

    /// <summary>The strongest signal that the document answers the question (similarity, or coverage without a semantic stage).</summary>
    public double Evidence { get; init; }
}
