namespace TajKazBot.Core.Corpus;

/// <summary>A retrievable piece of a document: one paragraph, or a bounded piece of a long one.</summary>
/// <param name="Start">Offset of the first character in the source file's text.</param>
/// <param name="End">Offset just past the last character, so <c>source[Start..End] == Text</c>.</param>
public sealed record Passage(
    string Id,
    string DocumentTitle,
    string SectionPath,
    string Text,
    int Start,
    int End,
    string SourceFile,
    string? DocumentUrl = null);
