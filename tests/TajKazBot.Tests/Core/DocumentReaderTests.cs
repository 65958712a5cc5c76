using TajKazBot.Core.Corpus;

namespace TajKazBot.Core.Tests;

public sealed class DocumentReaderTests
{
    [Fact]
    public void Recovers_title_numbered_sections_and_sub_headings_of_the_corpus()
    {
        var document = CorpusLoader.Read(File.ReadAllText(RepositoryCorpus.FilePath), RepositoryCorpus.FilePath);

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

        var document = CorpusLoader.Read(text, RepositoryCorpus.FilePath);

        Assert.Equal(26, document.Paragraphs.Count);
        Assert.All(document.Paragraphs, p => Assert.Equal(text[p.Start..p.End], p.Text));
    }

    [Fact]
    public void Markdown_headings_give_levels_and_blank_lines_separate_paragraphs()
    {
        const string text = "# Guide\n\nIntro line one\ncontinues here.\n\n## Setup\n\nInstall it.\n\n### Details\n\nMore words.\n\n## Use\n\nRun it.\n";

        var document = CorpusLoader.Read(text, "guide.md");

        Assert.Equal("Guide", document.Title);
        Assert.Equal(["Setup", "Use"], document.Sections);
        Assert.Equal("Intro line one\ncontinues here.", document.Paragraphs[0].Text);
        Assert.Equal(["Setup", "Details"], document.Paragraphs[2].Headings);
        Assert.Equal(["Use"], document.Paragraphs[3].Headings);
        Assert.All(document.Paragraphs, p => Assert.Equal(text[p.Start..p.End], p.Text));
    }

    [Fact]
    public void Text_without_structure_still_gives_paragraphs_and_a_title_from_the_file_name()
    {
        const string text = "this file has no title line, only prose.\nand a second paragraph of prose follows here.";

        var document = CorpusLoader.Read(text, "/tmp/plain-notes.txt");

        Assert.Equal("Plain notes", document.Title);
        Assert.Empty(document.Sections);
        Assert.Equal(2, document.Paragraphs.Count);
        Assert.All(document.Paragraphs, p => Assert.Empty(p.Headings));
    }

    [Fact]
    public void Windows_line_endings_keep_offsets_exact()
    {
        const string text = "Title Here\r\n1. First Part\r\nA sentence of body text.\r\nAnother sentence of body text.\r\n";

        var document = CorpusLoader.Read(text, "x.txt");

        Assert.Equal("Title Here", document.Title);
        Assert.Equal(["First Part"], document.Sections);
        Assert.All(document.Paragraphs, p => Assert.Equal(text[p.Start..p.End], p.Text));
        Assert.Equal("A sentence of body text.", document.Paragraphs[0].Text);
    }

    [Fact]
    public void A_hash_line_inside_a_code_fence_is_code_not_a_heading()
    {
        const string text = "# Guide\n\n## Setup\n\nInstall it.\n\n```bash\n# not a heading\nmake\n```\n\nThen run it.\n";

        var document = new MarkdownReader().Read(text, "guide.md");

        Assert.Equal(["Setup"], document.Sections);
        Assert.Equal(["Install it.", "Then run it."], document.Paragraphs.Select(p => p.Text));
        Assert.All(document.Paragraphs, p => Assert.Equal(["Setup"], p.Headings));
    }

    [Fact]
    public void Setext_headings_and_list_items_are_read_as_markdown_means_them()
    {
        const string text = "Guide\n=====\n\nUsage\n-----\n\n- first item of the list\n- second item\n";

        var document = new MarkdownReader().Read(text, "guide.md");

        Assert.Equal("Guide", document.Title);
        Assert.Equal(["Usage"], document.Sections);
        Assert.Equal(["first item of the list", "second item"], document.Paragraphs.Select(p => p.Text));
        Assert.All(document.Paragraphs, p => Assert.Equal(text[p.Start..p.End], p.Text));
    }

    [Theory]
    [InlineData("notes.md", typeof(MarkdownReader))]
    [InlineData("notes.txt", typeof(PlainTextReader))]
    [InlineData("library.rst.txt", typeof(RstReader))]
    [InlineData("guide.rst", typeof(RstReader))]
    public void Each_format_has_its_own_reader(string file, Type reader)
    {
        var first = CorpusLoader.Readers.First(r => r.Extensions.Any(e => file.EndsWith(e, StringComparison.Ordinal)));

        Assert.IsType(reader, first);
    }

    [Fact]
    public void Hard_wrapped_plain_text_is_read_paragraph_by_paragraph()
    {
        const string text = "Notes\n\nFirst paragraph,\nwrapped over\nthree lines.\n\nSecond paragraph.\n";

        var document = new PlainTextReader().Read(text, "notes.txt");

        Assert.Equal("Notes", document.Title);
        Assert.Equal(["First paragraph,\nwrapped over\nthree lines.", "Second paragraph."], document.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void ReStructuredText_headings_take_levels_from_their_adornments_and_markup_that_is_not_prose_is_left_out()
    {
        const string text = """
            :mod:`abc` --- Abstract Base Classes
            ====================================

            .. module:: abc
               :synopsis: Abstract base classes.

            This module provides the infrastructure for defining
            abstract base classes, for example::

               class MyABC(ABC):
                   pass

            ------------

            Registering
            -----------

            .. class:: ABCMeta

               Metaclass for defining Abstract Base Classes.

            .. code-block:: python

               register(tuple)

            >>> isinstance((), MyABC)
            True

            ==========
             Appendix
            ==========

            The end.
            """;

        var document = new RstReader().Read(text, "abc.rst.txt");

        Assert.Equal("abc — Abstract Base Classes", document.Title);
        // A style first seen after another is a level below it, as docutils reads it.
        Assert.Equal(["Registering"], document.Sections);
        Assert.Equal(
            ["This module provides the infrastructure for defining\nabstract base classes, for example::", "Metaclass for defining Abstract Base Classes.", "The end."],
            document.Paragraphs.Select(p => p.Text));
        Assert.Equal(["Registering"], document.Paragraphs[1].Headings);
        Assert.Equal(["Registering", "Appendix"], document.Paragraphs[2].Headings);
        Assert.All(document.Paragraphs, p => Assert.Equal(text[p.Start..p.End], p.Text));
    }
}
