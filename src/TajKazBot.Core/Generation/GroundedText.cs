using TajKazBot.Core.Answering;

namespace TajKazBot.Core.Generation;

/// <summary>A model's answer after grounding: markers renumbered, and the passages they now name.</summary>
public sealed record GroundedText(string Text, IReadOnlyList<Citation> Citations);
