namespace TajKazBot.Rendering;

/// <summary>A suggested follow-up: a short button title, and the question it sends.</summary>
public sealed record Suggestion(string Title, string Question)
{
    public static Suggestion About(string heading) => new(heading, Bots.Welcome.QuestionAbout(heading));
}
