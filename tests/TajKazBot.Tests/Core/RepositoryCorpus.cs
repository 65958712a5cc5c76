using TajKazBot.Core.Corpus;

namespace TajKazBot.Core.Tests;

/// <summary>The repository's own corpus, loaded once per test run.</summary>
public static class RepositoryCorpus
{
    public static string Folder { get; } = FindFolder();

    private static readonly Lazy<LoadedCorpus> Loaded = new(() => CorpusLoader.Load(Folder!, new ChunkingOptions()));

    public static LoadedCorpus Corpus => Loaded.Value;

    /// <summary>The repository's folder of prebuilt indexes (<c>.index</c>), the one the bot reads by default.</summary>
    public static string IndexFolder => Path.GetFullPath(Path.Combine(Folder, "..", ".index"));

    public static string FilePath => Path.Combine(Folder, "tajikistan-kazakhstan-relations.txt");

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("No corpus folder above the test binaries.");
    }
}
