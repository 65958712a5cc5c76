namespace TajKazBot.Core.Corpus;

/// <summary>Reads every .txt and .md file of a folder into documents and passages.</summary>
public static class CorpusLoader
{
    public static LoadedCorpus Load(string folder, ChunkingOptions options)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Corpus folder '{folder}' does not exist.");
        }
        var files = Files(folder).ToList();
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"Corpus folder '{folder}' holds no .txt or .md file.");
        }
        var documents = files
            .Select(f => DocumentParser.Parse(File.ReadAllText(f), f) with { SourceFile = Path.GetRelativePath(folder, f) })
            .ToList();
        var passages = documents.SelectMany(d => PassageChunker.Chunk(d, options)).ToList();
        return new LoadedCorpus(documents, passages);
    }

    /// <summary>The corpus files of a folder and its subfolders, in a stable order.</summary>
    public static IEnumerable<string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
}
