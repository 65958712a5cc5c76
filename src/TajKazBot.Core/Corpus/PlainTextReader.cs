namespace TajKazBot.Core.Corpus;

/// <summary>
/// Plain text: a title (first line), numbered sections ("1. Historical Background"), sub-headings (short
/// lines without closing punctuation) and paragraphs with their exact character offsets. Files with blank
/// lines between blocks are read block by block (hard-wrapped text); files without, one paragraph per line.
/// </summary>
public sealed partial class PlainTextReader : IDocumentReader
{
    private const int MaxHeadingLength = 90;
    private const int MaxHeadingWords = 12;

    public IReadOnlyList<string> Extensions { get; } = [".txt"];

    public Document Read(string text, string sourceFile)
    {
        var outline = new DocumentOutline();
        foreach (var (block, start, lines, _) in TextBlocks.Split(text, linePerBlock: !TextBlocks.HasBlankLineBetweenText(text)))
        {
            var singleLine = lines.Count == 1;
            if (!singleLine || !LooksLikeHeading(block))
            {
                outline.Paragraph(block, start);
            }
            else if (outline.IsEmpty)
            {
                outline.Title(block);
            }
            else if (NumberedHeading().Match(block) is { Success: true } numbered)
            {
                var number = numbered.Groups[1].Value;
                outline.Heading(Math.Max(1, number.Count(c => c == '.') + (number.EndsWith('.') ? 0 : 1)), numbered.Groups[2].Value.Trim());
            }
            else
            {
                // An unnumbered heading sits one level below the innermost numbered one (or at the top).
                outline.Heading(outline.NumberedLevel + 1, block, numbered: false);
            }
        }
        return outline.Build(text, sourceFile);
    }

    private static bool LooksLikeHeading(string line) =>
        line.Length is > 0 and <= MaxHeadingLength
        && line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxHeadingWords
        && !".!?:;,\"”’)…".Contains(line[^1])
        && (char.IsUpper(line[0]) || char.IsDigit(line[0]));

    [GeneratedRegex(@"^(\d+(?:\.\d+)*\.?)\s+(\S.*)$")]
    private static partial Regex NumberedHeading();
}
