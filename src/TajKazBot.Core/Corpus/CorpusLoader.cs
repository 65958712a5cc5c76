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
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"Corpus folder '{folder}' holds no .txt or .md file.");
        }
        var documents = files.Select(f => DocumentParser.Parse(File.ReadAllText(f), f)).ToList();
        var passages = documents.SelectMany(d => PassageChunker.Chunk(d, options)).ToList();
        return new LoadedCorpus(documents, passages);
    }
}
