using System.Text.RegularExpressions;

namespace TajKazBot.Core.Corpus;

/// <summary>
/// Recovers a document's structure from plain text or markdown: a title, numbered sections
/// ("1. Historical Background"), sub-headings (short lines without closing punctuation),
/// <c>#</c> headings in markdown, and paragraphs with their exact character offsets.
/// </summary>
public static partial class DocumentParser
{
    private const int MaxHeadingLength = 90;
    private const int MaxHeadingWords = 12;

    public static Document Parse(string text, string sourceFile)
    {
        var isMarkdown = sourceFile.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
        var blocks = SplitBlocks(text, isMarkdown);
        string? title = null;
        var headings = new List<Heading>();
        var sections = new List<string>();
        var paragraphs = new List<Paragraph>();

        foreach (var block in blocks)
        {
            var heading = AsHeading(block, isMarkdown, headings);
            if (title is null && paragraphs.Count == 0 && headings.Count == 0 && (heading is not null || !isMarkdown && LooksLikeHeadingLine(block.Text)))
            {
                title = heading?.Text ?? block.Text.Trim();
                continue;
            }
            if (heading is { } h)
            {
                headings.RemoveAll(x => x.Level >= h.Level);
                headings.Add(h);
                if (h.Level == 1 || headings.Count == 1)
                {
                    sections.Add(h.Text);
                }
                continue;
            }
            paragraphs.Add(new Paragraph(headings.Select(x => x.Text).ToList(), block.Text, block.Start, block.Start + block.Text.Length));
        }

        title ??= TitleFromFileName(sourceFile);
        return new Document(title, Path.GetFileName(sourceFile), text, sections, paragraphs);
    }

    private sealed record Block(string Text, int Start, bool IsSingleLine);

    private sealed record Heading(int Level, string Text, bool Numbered);

    /// <summary>
    /// Files with blank lines between blocks are read block by block (hard-wrapped text, markdown);
    /// files without them are read one paragraph per line.
    /// </summary>
    private static List<Block> SplitBlocks(string text, bool isMarkdown)
    {
        var lines = new List<(int Start, string Text)>();
        var position = 0;
        while (position <= text.Length)
        {
            var newline = text.IndexOf('\n', position);
            var end = newline < 0 ? text.Length : newline;
            var line = text[position..end].TrimEnd('\r');
            lines.Add((position, line));
            if (newline < 0)
            {
                break;
            }
            position = newline + 1;
        }

        var blockMode = isMarkdown || HasBlankLineBetweenText(lines);
        var blocks = new List<Block>();
        var current = new List<(int Start, string Text)>();

        void Flush()
        {
            if (current.Count == 0)
            {
                return;
            }
            var start = current[0].Start;
            var last = current[^1];
            var raw = text[start..(last.Start + last.Text.Length)];
            var trimmedStart = raw.Length - raw.TrimStart().Length;
            blocks.Add(new Block(raw.Trim(), start + trimmedStart, current.Count == 1));
            current.Clear();
        }

        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line.Text))
            {
                Flush();
                continue;
            }
            if (!blockMode || isMarkdown && MarkdownHeading().IsMatch(line.Text))
            {
                Flush();
                current.Add(line);
                Flush();
                continue;
            }
            current.Add(line);
        }
        Flush();
        return blocks;
    }

    private static bool HasBlankLineBetweenText(List<(int Start, string Text)> lines)
    {
        var seenText = false;
        var blankAfterText = false;
        foreach (var (_, line) in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                blankAfterText |= seenText;
            }
            else if (blankAfterText)
            {
                return true;
            }
            else
            {
                seenText = true;
            }
        }
        return false;
    }

    private static Heading? AsHeading(Block block, bool isMarkdown, List<Heading> open)
    {
        if (!block.IsSingleLine)
        {
            return null;
        }
        if (isMarkdown)
        {
            var markdown = MarkdownHeading().Match(block.Text);
            return markdown.Success ? new Heading(markdown.Groups[1].Length, markdown.Groups[2].Value.Trim().TrimEnd('#').Trim(), true) : null;
        }
        if (!LooksLikeHeadingLine(block.Text))
        {
            return null;
        }
        var numbered = NumberedHeading().Match(block.Text);
        if (numbered.Success)
        {
            var depth = numbered.Groups[1].Value.Count(c => c == '.') + (numbered.Groups[1].Value.EndsWith('.') ? 0 : 1);
            return new Heading(Math.Max(1, depth), numbered.Groups[2].Value.Trim(), true);
        }
        // An unnumbered heading sits one level below the innermost numbered one (or at the top).
        var parentLevel = open.LastOrDefault(x => x.Numbered)?.Level ?? 0;
        return new Heading(parentLevel + 1, block.Text.Trim(), false);
    }

    private static bool LooksLikeHeadingLine(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxHeadingLength)
        {
            return false;
        }
        if (trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxHeadingWords)
        {
            return false;
        }
        var last = trimmed[^1];
        return !".!?:;,\"”’)…".Contains(last) && (char.IsUpper(trimmed[0]) || char.IsDigit(trimmed[0]));
    }

    private static string TitleFromFileName(string sourceFile)
    {
        var stem = Path.GetFileNameWithoutExtension(sourceFile).Replace('-', ' ').Replace('_', ' ').Trim();
        return stem.Length == 0 ? "Document" : char.ToUpperInvariant(stem[0]) + stem[1..];
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.+)$")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^(\d+(?:\.\d+)*\.?)\s+(\S.*)$")]
    private static partial Regex NumberedHeading();
}
