namespace TajKazBot.Tests.Support;

/// <summary>Files the tests make in the temporary folder, named so that a leftover says where it came from.</summary>
public static class TempFiles
{
    /// <summary>A feedback log of its own for one bot (tests never write feedback into the repository).</summary>
    public static string FeedbackLog() => Path.Combine(Path.GetTempPath(), $"tajkazbot-feedback-{Guid.NewGuid():N}.jsonl");

    public static void Delete(string? path)
    {
        if (path is not null)
        {
            File.Delete(path);
        }
    }
}
