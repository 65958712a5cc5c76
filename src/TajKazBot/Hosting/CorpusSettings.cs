namespace TajKazBot.Hosting;

/// <summary>Settings section <c>Corpus</c>.</summary>
public sealed class CorpusSettings
{
    public const string Section = "Corpus";

    /// <summary>Folder of .txt, .md and .rst files, relative to the project root unless absolute.</summary>
    public string Path { get; set; } = "corpus";

    /// <summary>Paragraphs longer than this are split at sentence boundaries.</summary>
    public int MaxPassageChars { get; set; } = 1200;

    /// <summary>Shorter paragraphs are packed with their neighbours under the same headings.</summary>
    public int MinPassageChars { get; set; } = 200;
}
