namespace TajKazBot.Core.Corpus;

/// <summary>A parsed corpus file: its title, the top-level sections in order, and its paragraphs.</summary>
public sealed record Document(
    string Title,
    string SourceFile,
    string Text,
    IReadOnlyList<string> Sections,
    IReadOnlyList<Paragraph> Paragraphs,
    string? Url = null);
