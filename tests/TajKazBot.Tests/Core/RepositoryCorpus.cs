using TajKazBot.Core.Corpus;
using TajKazBot.Hosting;

namespace TajKazBot.Core.Tests;

/// <summary>The repository's own corpus, loaded once per test run.</summary>
public static class RepositoryCorpus
{
    private static readonly string Root = ProjectRoot.Find();

    public static string Folder { get; } = Path.Combine(Root, "corpus");

    private static readonly Lazy<LoadedCorpus> Loaded = new(() => CorpusLoader.Load(Folder, new ChunkingOptions()));

    public static LoadedCorpus Corpus => Loaded.Value;

    /// <summary>The repository's folder of prebuilt indexes (<c>.index</c>), the one the bot reads by default.</summary>
    public static string IndexFolder { get; } = Path.Combine(Root, ".index");

    public static string FilePath => Path.Combine(Folder, "tajikistan-kazakhstan-relations.txt");
}
