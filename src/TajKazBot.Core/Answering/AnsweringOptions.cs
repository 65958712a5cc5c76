namespace TajKazBot.Core.Answering;

public sealed record AnsweringOptions
{
    /// <summary>Passages shown in an extractive answer.</summary>
    public int TopPassages { get; init; } = 3;

    /// <summary>Passages ranked per question (for generative answers, `more`, and evaluation).</summary>
    public int RetrieveCount { get; init; } = 10;

    /// <summary>Longer questions are cut to this many characters, and the user is told.</summary>
    public int MaxQuestionChars { get; init; } = 2000;
}
