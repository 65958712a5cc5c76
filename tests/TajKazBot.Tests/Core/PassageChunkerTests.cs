using TajKazBot.Core.Corpus;

namespace TajKazBot.Core.Tests;

public sealed class PassageChunkerTests
{
    [Fact]
    public void Every_passage_text_equals_the_source_slice_at_its_offsets()
    {
        var source = File.ReadAllText(RepositoryCorpus.FilePath);

        var passages = RepositoryCorpus.Corpus.Passages;

        Assert.NotEmpty(passages);
        Assert.All(passages, p => Assert.Equal(source[p.Start..p.End], p.Text));
        Assert.Equal(passages.Count, passages.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void The_article_s_paragraphs_are_long_enough_to_stand_alone_as_passages()
    {
        var document = CorpusLoader.Read(File.ReadAllText(RepositoryCorpus.FilePath), RepositoryCorpus.FilePath);

        Assert.Equal(document.Paragraphs.Count, RepositoryCorpus.Corpus.Passages.Count);
    }

    [Fact]
    public void Short_paragraphs_are_packed_with_their_neighbours_under_the_same_heading_up_to_the_longest_passage()
    {
        var item = string.Join("\n\n", Enumerable.Range(1, 12).Select(i => $"- item {i} of the list, a line of reference text"));
        var text = $"Guide\n=====\n\nUsage\n-----\n\n{item}\n\nOther\n-----\n\nOne more short line.\n\n.. code-block:: python\n\n   x = 1\n\nAfter the code.\n";
        var document = new RstReader().Read(text, "guide.rst");

        var passages = PassageChunker.Chunk(document, new ChunkingOptions(MaxPassageChars: 300));

        Assert.All(passages, p => Assert.Equal(text[p.Start..p.End], p.Text));
        Assert.All(passages, p => Assert.True(p.Text.Length <= 300, p.Text));
        var usage = passages.Where(p => p.SectionPath == "Usage").ToList();
        Assert.Equal(12, usage.Sum(p => p.Text.Split("- item").Length - 1));
        Assert.InRange(usage.Count, 2, 3);
        // Not across a heading, nor across the code a reader leaves out.
        Assert.Equal(["One more short line.", "After the code."], passages.Where(p => p.SectionPath == "Other").Select(p => p.Text));
        Assert.Equal(passages.Count, passages.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void Passages_carry_title_and_section_path()
    {
        var passage = RepositoryCorpus.Corpus.Passages.Single(p => p.Text.StartsWith("Kazakhstan’s major exports", StringComparison.Ordinal));

        Assert.Equal("Bilateral Relationship between Tajikistan and Kazakhstan", passage.DocumentTitle);
        Assert.Equal("Trade and Economic Relations › Major Imports and Exports", passage.SectionPath);
        Assert.Equal("tajikistan-kazakhstan-relations.txt", passage.SourceFile);
    }

    [Fact]
    public void Files_that_differ_only_in_extension_or_folder_get_distinct_ids()
    {
        var folder = Directory.CreateTempSubdirectory("tajkazbot-corpus-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "notes.txt"), "Notes\nA paragraph about trade.\n");
            File.WriteAllText(Path.Combine(folder, "notes.md"), "# Notes\n\nA paragraph about energy.\n");
            Directory.CreateDirectory(Path.Combine(folder, "more"));
            File.WriteAllText(Path.Combine(folder, "more", "notes.txt"), "Notes\nA paragraph about water.\n");

            var corpus = CorpusLoader.Load(folder, new ChunkingOptions());

            Assert.Equal(3, corpus.Passages.Select(p => p.Id).Distinct().Count());
            Assert.Contains(corpus.Passages, p => p.Id == Path.Combine("more", "notes.txt").Replace('\\', '/') + "#p1");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Ids_are_stable_across_loads()
    {
        var again = CorpusLoader.Load(RepositoryCorpus.Folder, new ChunkingOptions());

        Assert.Equal(RepositoryCorpus.Corpus.Passages.Select(p => p.Id), again.Passages.Select(p => p.Id));
    }

    [Fact]
    public void Long_paragraph_is_split_at_sentence_boundaries_into_bounded_overlapping_pieces()
    {
        var sentences = Enumerable.Range(1, 30).Select(i => $"Sentence number {i} talks about trade and cooperation in detail.").ToList();
        var text = "Title\n1. Section\n" + string.Join(' ', sentences) + "\n";
        var document = CorpusLoader.Read(text, "long.txt");

        var passages = PassageChunker.Chunk(document, new ChunkingOptions(MaxPassageChars: 300));

        Assert.True(passages.Count > 1);
        Assert.All(passages, p =>
        {
            Assert.True(p.Text.Length <= 300, $"{p.Id} has {p.Text.Length} characters");
            Assert.Equal(text[p.Start..p.End], p.Text);
            Assert.EndsWith(".", p.Text);
            Assert.StartsWith("Sentence number", p.Text);
        });
        for (var i = 1; i < passages.Count; i++)
        {
            Assert.True(passages[i].Start < passages[i - 1].End, "consecutive pieces overlap by a sentence");
        }
        Assert.Equal(sentences[^1], passages[^1].Text[^sentences[^1].Length..]);
        Assert.Equal(["long.txt#p1.1", "long.txt#p1.2"], passages.Take(2).Select(p => p.Id));
    }

    [Fact]
    public void A_single_sentence_longer_than_the_limit_is_cut_at_spaces()
    {
        var text = "Title\n" + string.Join(' ', Enumerable.Repeat("word", 200)) + "\n";
        var document = CorpusLoader.Read(text, "words.txt");

        var passages = PassageChunker.Chunk(document, new ChunkingOptions(MaxPassageChars: 250));

        Assert.All(passages, p =>
        {
            Assert.InRange(p.Text.Length, 1, 250);
            Assert.Equal(text[p.Start..p.End], p.Text);
            Assert.DoesNotContain("wor d", p.Text);
        });
        Assert.Equal(200, passages.Sum(p => p.Text.Split(' ').Length) - Overlap(passages));
    }

    private static int Overlap(IReadOnlyList<Passage> passages) =>
        passages.Zip(passages.Skip(1)).Sum(pair => Math.Max(0, pair.First.End - pair.Second.Start) > 0 ? pair.First.Text[(pair.Second.Start - pair.First.Start)..].Split(' ').Length : 0);
}
