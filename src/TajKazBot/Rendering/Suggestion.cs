namespace TajKazBot.Rendering;

/// <summary>A suggested follow-up: a short button title, and the text it sends.</summary>
public sealed record Suggestion(string Title, string Question)
{
    /// <summary>A question short enough to be its own button title.</summary>
    public static Suggestion Of(string question) => new(question, question);
}
