namespace TajKazBot.Core.Corpus;

/// <summary>A run of non-blank lines: its trimmed text, where that text starts, its lines and the first line's indent.</summary>
public sealed record TextBlock(string Text, int Start, IReadOnlyList<string> Lines, int Indent);

/// <summary>Splits text into blocks at blank lines (or one block per line), keeping each block's exact offset.</summary>
public static partial class TextBlocks
{
    /// <param name="linePerBlock">Every non-blank line is a block of its own (text without blank lines between paragraphs).</param>
    public static List<TextBlock> Split(string text, bool linePerBlock = false)
    {
        var blocks = new List<TextBlock>();
        var current = new List<(int Start, string Text)>();
        foreach (var line in Lines(text))
        {
            if (!string.IsNullOrWhiteSpace(line.Text))
            {
                current.Add(line);
            }
            if ((string.IsNullOrWhiteSpace(line.Text) || linePerBlock) && current.Count > 0)
            {
                blocks.Add(Block(text, current));
                current.Clear();
            }
        }
        if (current.Count > 0)
        {
            blocks.Add(Block(text, current));
        }
        return blocks;
    }

    /// <summary>Whether a blank line stands between two lines of text: then paragraphs are blocks, else lines.</summary>
    public static bool HasBlankLineBetweenText(string text)
    {
        var lines = Lines(text);
        var firstText = lines.FindIndex(l => !string.IsNullOrWhiteSpace(l.Text));
        var lastText = lines.FindLastIndex(l => !string.IsNullOrWhiteSpace(l.Text));
        return firstText >= 0 && lines.Skip(firstText).Take(lastText - firstText).Any(l => string.IsNullOrWhiteSpace(l.Text));
    }

    private static List<(int Start, string Text)> Lines(string text) =>
        Line().Matches(text).Select(m => (m.Index, m.Value.TrimEnd('\r'))).ToList();

    private static TextBlock Block(string text, List<(int Start, string Text)> lines)
    {
        var raw = text[lines[0].Start..(lines[^1].Start + lines[^1].Text.Length)];
        var trimmed = raw.Trim();
        var indent = lines[0].Text.Length - lines[0].Text.TrimStart().Length;
        return new TextBlock(trimmed, lines[0].Start + raw.Length - raw.TrimStart().Length, lines.Select(l => l.Text.Trim()).ToList(), indent);
    }

    /// <summary>A line: anchored at line starts, so the empty match before each line break is no blank line of its own.</summary>
    [GeneratedRegex(@"^[^\n]*", RegexOptions.Multiline)]
    private static partial Regex Line();
}
