namespace TajKazBot.Core.Corpus;

/// <summary>
/// reStructuredText (<c>.rst</c>, and Sphinx's <c>.rst.txt</c> sources): the title and section headings come
/// from underlined (or over- and underlined) lines, their levels in the order the adornment styles first
/// appear, as docutils assigns them; paragraphs come block by block with their exact offsets. What is not
/// prose is left out: directives, comments and targets (<c>..</c> blocks with their options), transitions,
/// literal blocks (after <c>::</c> or a code directive) and doctest blocks (<c>&gt;&gt;&gt;</c>). A directive's
/// indented body (a <c>.. note::</c>, a function's description) is prose and stays.
/// </summary>
public sealed partial class RstReader : IDocumentReader
{
    private static readonly string[] CodeDirectives = ["code", "code-block", "sourcecode", "testcode", "testoutput", "doctest", "productionlist", "literalinclude"];

    public IReadOnlyList<string> Extensions { get; } = [".rst", ".rst.txt"];

    public Document Read(string text, string sourceFile)
    {
        var outline = new DocumentOutline();
        var styles = new List<string>();
        int? literalIndent = null;
        foreach (var block in TextBlocks.Split(text))
        {
            // Blocks indented past a literal block's opener are its code.
            if (literalIndent is { } opener && block.Indent > opener)
            {
                continue;
            }
            literalIndent = null;
            if (Heading(block.Lines) is var (title, style))
            {
                if (!styles.Contains(style))
                {
                    styles.Add(style);
                }
                outline.Heading(styles.IndexOf(style) + 1, title);
            }
            else if (Directive().Match(block.Text) is { Success: true } directive)
            {
                literalIndent = CodeDirectives.Contains(directive.Groups[1].Value) ? block.Indent : null;
            }
            else if (!block.Text.StartsWith(">>>", StringComparison.Ordinal) && !IsAdornment(block.Text))
            {
                outline.Paragraph(block.Text, block.Start);
                literalIndent = block.Text.EndsWith("::", StringComparison.Ordinal) ? block.Indent : null;
            }
        }
        return outline.Build(text, sourceFile);
    }

    /// <summary>The heading's text and adornment style ("=" underlined, "o=" over- and underlined), or null.</summary>
    private static (string Title, string Style)? Heading(IReadOnlyList<string> lines) => lines switch
    {
        [var title, var under] when IsAdornment(under) && under.Length >= title.Length && !IsAdornment(title)
            => (Plain(title), under[..1]),
        [var over, var title, var under] when IsAdornment(over) && over == under && !IsAdornment(title)
            => (Plain(title), "o" + under[..1]),
        _ => null,
    };

    /// <summary>A line of one ASCII punctuation character repeated, three or more times ("=====", "-----", "~~~~").</summary>
    private static bool IsAdornment(string line) =>
        line.Length >= 3 && char.IsAscii(line[0]) && (char.IsPunctuation(line[0]) || char.IsSymbol(line[0])) && line.All(c => c == line[0]);

    /// <summary>Heading text without inline markup: <c>:mod:`abc` --- Abstract Base Classes</c> is "abc — Abstract Base Classes".</summary>
    private static string Plain(string title) => Role().Replace(title, "").Replace("`", "").Replace("**", "").Replace(" --- ", " — ").Trim();

    [GeneratedRegex(@"^\.\.(?:\s+([\w-]+)::|\s|$)")]
    private static partial Regex Directive();

    [GeneratedRegex(@":[\w:+-]+:(?=`)")]
    private static partial Regex Role();
}
