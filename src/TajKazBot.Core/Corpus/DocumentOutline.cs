namespace TajKazBot.Core.Corpus;

/// <summary>
/// Assembles a document from what a reader finds in order, headings and paragraphs, the same way for
/// every format: a heading before any text is the title; each paragraph sits under the headings open
/// above it; top-level headings are the document's sections.
/// </summary>
public sealed class DocumentOutline
{
    private readonly List<(int Level, string Text, bool Numbered)> open = [];
    private readonly List<string> sections = [];
    private readonly List<Paragraph> paragraphs = [];
    private string? title;

    public bool IsEmpty => title is null && paragraphs.Count == 0 && open.Count == 0;

    /// <summary>The level of the innermost numbered heading open now (0 when none).</summary>
    public int NumberedLevel => open.LastOrDefault(h => h.Numbered).Level;

    public void Title(string text) => title = text;

    public void Heading(int level, string text, bool numbered = true)
    {
        if (IsEmpty)
        {
            title = text;
            return;
        }
        open.RemoveAll(h => h.Level >= level);
        open.Add((level, text, numbered));
        if (level == 1 || open.Count == 1)
        {
            sections.Add(text);
        }
    }

    public void Paragraph(string text, int start) =>
        paragraphs.Add(new Paragraph(open.Select(h => h.Text).ToList(), text, start, start + text.Length));

    public Document Build(string text, string sourceFile) =>
        new(title ?? TitleFromFileName(sourceFile), Path.GetFileName(sourceFile), text, sections, paragraphs);

    private static string TitleFromFileName(string sourceFile)
    {
        var stem = Path.GetFileNameWithoutExtension(sourceFile).Replace('-', ' ').Replace('_', ' ').Trim();
        return stem.Length == 0 ? "Document" : char.ToUpperInvariant(stem[0]) + stem[1..];
    }
}
