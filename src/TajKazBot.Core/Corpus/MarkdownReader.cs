using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TajKazBot.Core.Corpus;

/// <summary>
/// Markdown read with Markdig (CommonMark): ATX and setext headings give the levels, paragraphs (also in
/// lists and quotes) the passages, with their exact offsets; code blocks are not prose and are left out,
/// so a <c>#</c> line inside a fence is no heading.
/// </summary>
public sealed class MarkdownReader : IDocumentReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    public IReadOnlyList<string> Extensions { get; } = [".md", ".markdown"];

    public Document Read(string text, string sourceFile)
    {
        var outline = new DocumentOutline();
        foreach (var block in Markdown.Parse(text, Pipeline).Descendants<LeafBlock>())
        {
            switch (block)
            {
                case HeadingBlock heading:
                    outline.Heading(heading.Level, PlainText(heading.Inline));
                    break;
                case ParagraphBlock paragraph:
                    var raw = text.Substring(paragraph.Span.Start, paragraph.Span.Length);
                    var trimmed = raw.Trim();
                    if (trimmed.Length > 0)
                    {
                        outline.Paragraph(trimmed, paragraph.Span.Start + raw.IndexOf(trimmed, StringComparison.Ordinal));
                    }
                    break;
            }
        }
        return outline.Build(text, sourceFile);
    }

    private static string PlainText(ContainerInline? inline) =>
        inline is null ? "" : string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();
}
