namespace TajKazBot.Core.Corpus;

/// <summary>A paragraph of a parsed document with the headings it sits under.</summary>
public sealed record Paragraph(IReadOnlyList<string> Headings, string Text, int Start, int End);
