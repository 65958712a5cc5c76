namespace TajKazBot.Core.Corpus;

/// <summary>A retrievable piece of a document: one paragraph, or a bounded piece of a long one.</summary>
/// <param name="Headings">The headings the passage is under, outermost first; empty before the first heading.</param>
/// <param name="Start">Offset of the first character in the source file's text.</param>
/// <param name="End">Offset just past the last character, so <c>source[Start..End] == Text</c>.</param>
public sealed record Passage(
    string Id,
    string DocumentTitle,
    IReadOnlyList<string> Headings,
    string Text,
    int Start,
    int End,
    string SourceFile,
    string? DocumentUrl = null)
{
    /// <summary>What joins headings where a path is shown.</summary>
    public const string SectionSeparator = " › ";

    /// <summary>The headings as shown to a reader, "Trade and Economic Relations › Major Imports and Exports"; the document's title when there are none.</summary>
    public string SectionPath => Headings.Count == 0 ? DocumentTitle : string.Join(SectionSeparator, Headings);

    /// <summary>The innermost heading, or the document's title when there is none.</summary>
    public string Heading => Headings.Count == 0 ? DocumentTitle : Headings[^1];
}
