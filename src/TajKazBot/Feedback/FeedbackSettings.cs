namespace TajKazBot.Feedback;

/// <summary>Settings section <c>Feedback</c>.</summary>
public sealed class FeedbackSettings
{
    public const string Section = "Feedback";

    /// <summary>JSON Lines file that Teams' 👍/👎 feedback is appended to, relative to the project root unless absolute.</summary>
    public string LogPath { get; set; } = "feedback.jsonl";
}
