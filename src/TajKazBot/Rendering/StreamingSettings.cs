namespace TajKazBot.Rendering;

/// <summary>Settings section <c>Streaming</c>: how written answers are streamed in Teams personal chats.</summary>
public sealed class StreamingSettings
{
    public const string Section = "Streaming";

    /// <summary>Off sends every answer whole, as on the other channels.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Least time between two updates of the streamed text. Teams throttles a bot that updates faster
    /// (about one request a second), so text that arrives sooner waits for the next update or the final message.
    /// </summary>
    public TimeSpan UpdateInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>What the user sees while the document is searched, before the first words arrive.</summary>
    public string Informative { get; set; } = "Searching the document…";
}
