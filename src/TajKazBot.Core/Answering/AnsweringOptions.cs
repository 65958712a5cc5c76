using System.ComponentModel.DataAnnotations;

namespace TajKazBot.Core.Answering;

public sealed record AnsweringOptions
{
    /// <summary>Passages shown in an extractive answer.</summary>
    [Range(1, 10)] public int TopPassages { get; init; } = 3;

    /// <summary>Passages ranked per question (for generative answers, `more`, and evaluation).</summary>
    [Range(1, 50)] public int RetrieveCount { get; init; } = 10;

    /// <summary>Weight (0..1) of semantic similarity against term coverage when picking the precise answer sentence.</summary>
    [Range(0.0, 1.0)] public double PreciseSemanticWeight { get; init; } = 0.5;

    /// <summary>The better-scoring neighbour of the precise answer sentence joins it when it scores at least this share (0..1) of it.</summary>
    [Range(0.0, 1.0)] public double PreciseSecondSentenceShare { get; init; } = 0.5;

    /// <summary>A short answer quotes its best passage whole up to this length, else the sentences around the answer that fit.</summary>
    [Range(100, 5000)] public int ExcerptChars { get; init; } = 400;

    /// <summary>The small-talk phrasings and replies (relative to the project root).</summary>
    public string SmallTalkPath { get; init; } = "prompts/smalltalk.json";

    /// <summary>Longer questions are cut to this many characters, and the user is told.</summary>
    [Range(10, 100000)] public int MaxQuestionChars { get; init; } = 2000;
}
