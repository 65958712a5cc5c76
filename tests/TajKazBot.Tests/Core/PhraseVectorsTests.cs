using TajKazBot.Core.Retrieval;
using TajKazBot.Core.Tests.Support;

namespace TajKazBot.Core.Tests;

/// <summary>The small-talk phrases' vectors, embedded by the first start and read back by the next ones.</summary>
public sealed class PhraseVectorsTests : IDisposable
{
    private static readonly string[] Phrases = ["hi", "good morning", "thanks a lot", "who are you"];

    private readonly string folder = Directory.CreateTempSubdirectory("tajkazbot-phrases-").FullName;
    private readonly CountingGenerator generator = new("counting-model");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private SemanticIndex Semantic() => SemanticIndex.Open([], new SentenceEmbedder(generator), new SemanticVectors(8, [], [0], [], [], [], []));

    private string SavedFile => Assert.Single(Directory.GetFiles(Path.Combine(folder, "phrases")));

    [Fact]
    public async Task The_first_start_embeds_and_saves_them_and_the_next_reads_them_without_the_encoder()
    {
        var embedded = await PhraseVectors.LoadOrEmbedAsync(folder, Semantic(), Phrases);
        var afterFirst = generator.Texts;
        var read = await PhraseVectors.LoadOrEmbedAsync(folder, Semantic(), Phrases);

        Assert.Equal(Phrases.Length, afterFirst);
        Assert.Equal(afterFirst, generator.Texts);
        Assert.Equal(embedded, read);
        Assert.Equal(await Semantic().EmbedShortAsync(Phrases), read);
        Assert.Equal(PhraseVectors.FileName("counting-model", Phrases), Path.GetFileName(SavedFile));
        Assert.Empty(Directory.GetFiles(folder, "*.partial", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Other_phrases_or_another_encoder_get_a_file_of_their_own()
    {
        string[] other = [.. Phrases, "see you"];

        Assert.NotEqual(PhraseVectors.FileName("counting-model", Phrases), PhraseVectors.FileName("counting-model", other));
        Assert.NotEqual(PhraseVectors.FileName("counting-model", Phrases), PhraseVectors.FileName("another-model", Phrases));
        Assert.NotEqual(PhraseVectors.FileName("m", ["a b", "c"]), PhraseVectors.FileName("m", ["a", "b c"]));
        var vectors = await PhraseVectors.LoadOrEmbedAsync(folder, Semantic(), other);
        Assert.Equal(other.Length, vectors.Length);
        Assert.Equal(other.Length, generator.Texts);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(-4)]
    public async Task A_damaged_file_is_embedded_and_written_again(int keptBytes)
    {
        var embedded = await PhraseVectors.LoadOrEmbedAsync(folder, Semantic(), Phrases);
        var bytes = File.ReadAllBytes(SavedFile);
        File.WriteAllBytes(SavedFile, bytes[..(keptBytes >= 0 ? keptBytes : bytes.Length + keptBytes)]);

        var repaired = await PhraseVectors.LoadOrEmbedAsync(folder, Semantic(), Phrases);

        Assert.Equal(embedded, repaired);
        Assert.Equal(2 * Phrases.Length, generator.Texts);
        Assert.Equal(bytes, File.ReadAllBytes(SavedFile));
    }

    [Fact]
    public async Task A_folder_that_cannot_be_written_or_none_gets_the_vectors_each_time()
    {
        var blocked = Path.Combine(folder, "a-file-not-a-folder");
        File.WriteAllText(blocked, "");

        var unwritable = await PhraseVectors.LoadOrEmbedAsync(blocked, Semantic(), Phrases);
        var none = await PhraseVectors.LoadOrEmbedAsync(null, Semantic(), Phrases);

        Assert.Equal(unwritable, none);
        Assert.Equal(2 * Phrases.Length, generator.Texts);
        Assert.Equal([blocked], Directory.GetFileSystemEntries(folder));
    }
}
