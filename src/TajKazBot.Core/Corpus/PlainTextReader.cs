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
        foreach (var (block, start, singleLine) in Blocks(text))
        {
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

    private static List<(string Text, int Start, bool SingleLine)> Blocks(string text)
    {
        var lines = Line().Matches(text).Select(m => (Start: m.Index, Text: m.Value.TrimEnd('\r'))).ToList();
        var blockMode = HasBlankLineBetweenText(lines);
        var blocks = new List<(string, int, bool)>();
        var current = new List<(int Start, string Text)>();
        void Flush()
        {
            if (current.Count > 0)
            {
                var raw = text[current[0].Start..(current[^1].Start + current[^1].Text.Length)];
                blocks.Add((raw.Trim(), current[0].Start + raw.Length - raw.TrimStart().Length, current.Count == 1));
                current.Clear();
            }
        }
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line.Text))
            {
                Flush();
                continue;
            }
            current.Add(line);
            if (!blockMode)
            {
                Flush();
            }
        }
        Flush();
        return blocks;
    }

    private static bool HasBlankLineBetweenText(List<(int Start, string Text)> lines)
    {
        var firstText = lines.FindIndex(l => !string.IsNullOrWhiteSpace(l.Text));
        var lastText = lines.FindLastIndex(l => !string.IsNullOrWhiteSpace(l.Text));
        return firstText >= 0 && lines.Skip(firstText).Take(lastText - firstText).Any(l => string.IsNullOrWhiteSpace(l.Text));
    }

    private static bool LooksLikeHeading(string line) =>
        line.Length is > 0 and <= MaxHeadingLength
        && line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxHeadingWords
        && !".!?:;,\"”’)…".Contains(line[^1])
        && (char.IsUpper(line[0]) || char.IsDigit(line[0]));

    [GeneratedRegex(@"[^\n]*")]
    private static partial Regex Line();

    [GeneratedRegex(@"^(\d+(?:\.\d+)*\.?)\s+(\S.*)$")]
    private static partial Regex NumberedHeading();
}
