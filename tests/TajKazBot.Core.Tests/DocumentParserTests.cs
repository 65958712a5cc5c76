using TajKazBot.Core.Corpus;

namespace TajKazBot.Core.Tests;

public sealed class DocumentParserTests
{
    [Fact]
    public void Recovers_title_numbered_sections_and_sub_headings_of_the_corpus()
    {
        var document = DocumentParser.Parse(File.ReadAllText(RepositoryCorpus.FilePath), RepositoryCorpus.FilePath);

        Assert.Equal("Bilateral Relationship between Tajikistan and Kazakhstan", document.Title);
        Assert.Equal(["Historical Background", "Diplomatic Relations", "Trade and Economic Relations"], document.Sections);
        Assert.Empty(document.Paragraphs[0].Headings);
        Assert.Equal(["Historical Background", "Soviet Legacy and Early Interactions"], document.Paragraphs[1].Headings);
        Assert.Contains(document.Paragraphs, p => p.Headings.SequenceEqual(["Trade and Economic Relations", "Major Imports and Exports"]));
        Assert.All(document.Paragraphs, p => Assert.Equal(2, p.Headings.Count == 0 ? 2 : p.Headings.Count));
    }

    [Fact]
    public void Paragraph_offsets_slice_the_source_exactly()
    {
        var text = File.ReadAllText(RepositoryCorpus.FilePath);

        var document = DocumentParser.Parse(text, RepositoryCorpus.FilePath);

        Assert.Equal(26, document.Paragraphs.Count);
        Assert.All(document.Paragraphs, p => Assert.Equal(text[p.Start..p.End], p.Text));
    }

    [Fact]
    public void Markdown_headings_give_levels_and_blank_lines_separate_paragraphs()
    {
        const string text = "# Guide\n\nIntro line one\ncontinues here.\n\n## Setup\n\nInstall it.\n\n### Details\n\nMore words.\n\n## Use\n\nRun it.\n";

        var document = DocumentParser.Parse(text, "guide.md");

        Assert.Equal("Guide", document.Title);
        Assert.Equal(["Setup", "Use"], document.Sections.Skip(0).Where(s => s != "Guide"));
        Assert.Equal("Intro line one\ncontinues here.", document.Paragraphs[0].Text);
        Assert.Equal(["Setup", "Details"], document.Paragraphs[2].Headings);
        Assert.Equal(["Use"], document.Paragraphs[3].Headings);
        Assert.All(document.Paragraphs, p => Assert.Equal(text[p.Start..p.End], p.Text));
    }

    [Fact]
    public void Text_without_structure_still_gives_paragraphs_and_a_title_from_the_file_name()
    {
        const string text = "this file has no title line, only prose.\nand a second paragraph of prose follows here.";

        var document = DocumentParser.Parse(text, "/tmp/plain-notes.txt");

        Assert.Equal("Plain notes", document.Title);
        Assert.Empty(document.Sections);
        Assert.Equal(2, document.Paragraphs.Count);
        Assert.All(document.Paragraphs, p => Assert.Empty(p.Headings));
    }

    [Fact]
    public void Windows_line_endings_keep_offsets_exact()
    {
        const string text = "Title Here\r\n1. First Part\r\nA sentence of body text.\r\nAnother sentence of body text.\r\n";

        var document = DocumentParser.Parse(text, "x.txt");

        Assert.Equal("Title Here", document.Title);
        Assert.Equal(["First Part"], document.Sections);
        Assert.All(document.Paragraphs, p => Assert.Equal(text[p.Start..p.End], p.Text));
        Assert.Equal("A sentence of body text.", document.Paragraphs[0].Text);
    }
}
