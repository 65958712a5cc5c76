using TajKazBot.Core.Corpus;

namespace TajKazBot.Core.Tests.Support;

/// <summary>The repository's own corpus folder, found by walking up from the test binaries to the solution.</summary>
public static class RepositoryCorpus
{
    public static LoadedCorpus Load()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "TajKazBot.sln")))
            {
                return CorpusLoader.Load(Path.Combine(folder.FullName, "corpus"), new ChunkingOptions(1200));
            }
        }
        throw new DirectoryNotFoundException("No TajKazBot.sln above " + AppContext.BaseDirectory);
    }
}
