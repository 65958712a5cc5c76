using Microsoft.Extensions.Logging.Abstractions;
using TajKazBot.Core.Corpus;
using TajKazBot.Core.Retrieval;
using TajKazBot.Core.Tests.Support;

namespace TajKazBot.Core.Tests;

/// <summary>The prebuilt index: reused when its key matches, rebuilt when anything it follows from changes or it is damaged.</summary>
public sealed class IndexStoreTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "tajkazbot-store-" + Guid.NewGuid().ToString("N"));
    private readonly RetrievalOptions options = new();
    private readonly CountingGenerator measuring = new("measuring");
    private readonly CountingGenerator ranking = new("ranking");

    private IReadOnlyList<Passage> Passages => RepositoryCorpus.Corpus.Passages;

    [Fact]
    public async Task A_matching_key_is_opened_without_embedding_a_passage()
    {
        using (var built = await OpenOrBuildAsync(Passages))
        {
            Assert.True(measuring.Texts >= Passages.Count);
            Assert.True(ranking.Texts >= Passages.Count);
        }
        var (measured, ranked) = (measuring.Texts, ranking.Texts);

        using var opened = await OpenOrBuildAsync(Passages);

        Assert.Equal((measured, ranked), (measuring.Texts, ranking.Texts));
        Assert.Equal(Passages.Count, opened.Semantic!.Vectors.PassageCount);
        Assert.NotEmpty(new LuceneRetriever(opened.Lexical, options).Retrieve("embassy in Dushanbe", 3).Passages);
        Assert.Single(Directory.GetDirectories(root));
    }

    [Fact]
    public async Task A_changed_corpus_file_or_setting_or_encoder_builds_another_index()
    {
        using (await OpenOrBuildAsync(Passages))
        {
        }
        var edited = Passages.Select((p, i) => i == 3 ? p with { Text = p.Text + " One more sentence." } : p).ToList();
        var rechunked = CorpusLoader.Load(RepositoryCorpus.Folder, new ChunkingOptions(400)).Passages;

        foreach (var changed in new[] { edited, rechunked })
        {
            var before = measuring.Texts;
            using var rebuilt = await OpenOrBuildAsync(changed);
            Assert.True(measuring.Texts - before >= changed.Count);
        }
        using (var lexicalOnly = await new IndexStore(root, NullLogger<IndexStore>.Instance).OpenOrBuildAsync(Passages, options, EnglishLexicon.Empty, null, null))
        {
            Assert.Null(lexicalOnly.Semantic);
        }
        Assert.Equal(4, Directory.GetDirectories(root).Length);
    }

    [Fact]
    public async Task Several_processes_that_start_at_once_build_the_index_once_and_all_read_it()
    {
        var slow = new CountingGenerator("measuring") { Delay = TimeSpan.FromMilliseconds(100) };
        var stores = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => OpenOrBuildAsync(Passages, slow))));
        var embeddedByThree = slow.Texts;
        var readers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => OpenOrBuildAsync(Passages, slow))));
        Assert.Equal(embeddedByThree, slow.Texts);
        var alone = new CountingGenerator("measuring");
        using (await new IndexStore(root + "-alone", NullLogger<IndexStore>.Instance).OpenOrBuildAsync(Passages, options, EnglishLexicon.Empty,
                   new SentenceEmbedder(alone), new SentenceEmbedder(ranking, SentenceEmbedder.ArcticQueryPrefix)))
        {
            Assert.Equal(alone.Texts, embeddedByThree);
        }

        foreach (var index in stores.Concat(readers))
        {
            Assert.NotEmpty(new LuceneRetriever(index.Lexical, options).Retrieve("trade and investment", 3).Passages);
            index.Dispose();
        }
        Assert.Single(Directory.GetDirectories(root));
        Assert.Empty(Directory.GetDirectories(root, ".building-*"));
    }

    [Theory]
    [InlineData("manifest.json")]
    [InlineData("ranking.vectors")]
    [InlineData("lucene")]
    public async Task A_damaged_or_partial_index_is_rebuilt_rather_than_crashing(string damaged)
    {
        string folder;
        using (var built = await OpenOrBuildAsync(Passages))
        {
            folder = Path.Combine(root, built.Key);
        }
        var path = Path.Combine(folder, damaged);
        if (damaged == "manifest.json")
        {
            File.Delete(path);
        }
        else if (damaged == "lucene")
        {
            foreach (var file in Directory.GetFiles(path))
            {
                File.WriteAllBytes(file, [1, 2, 3]);
            }
        }
        else
        {
            using var file = File.OpenWrite(path);
            file.SetLength(file.Length / 2);
        }
        var before = ranking.Texts;

        using var rebuilt = await OpenOrBuildAsync(Passages);

        Assert.True(ranking.Texts - before >= Passages.Count);
        Assert.NotEmpty(new LuceneRetriever(rebuilt.Lexical, options).Retrieve("embassy", 3).Passages);
        Assert.True(File.Exists(Path.Combine(folder, "manifest.json")));
    }

    private Task<CorpusIndex> OpenOrBuildAsync(IReadOnlyList<Passage> passages, CountingGenerator? measuringWith = null) =>
        new IndexStore(root, NullLogger<IndexStore>.Instance).OpenOrBuildAsync(passages, options, EnglishLexicon.Empty,
            new SentenceEmbedder(measuringWith ?? measuring), new SentenceEmbedder(ranking, SentenceEmbedder.ArcticQueryPrefix));

    public void Dispose()
    {
        foreach (var folder in new[] { root, root + "-alone" }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
