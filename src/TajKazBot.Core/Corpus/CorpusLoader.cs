namespace TajKazBot.Core.Corpus;

/// <summary>Reads every file of a folder that a reader knows (plain text, Markdown, reStructuredText) into documents and passages.</summary>
public static class CorpusLoader
{
    /// <summary>One reader per format, the first whose ending matches reads a file (".rst.txt" before ".txt"); the next formats plug in here.</summary>
    public static IReadOnlyList<IDocumentReader> Readers { get; } = [new MarkdownReader(), new RstReader(), new PlainTextReader()];

    public static LoadedCorpus Load(string folder, ChunkingOptions options)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Corpus folder '{folder}' does not exist.");
        }
        var files = Files(folder).ToList();
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"Corpus folder '{folder}' holds no file of a known format ({string.Join(", ", Readers.SelectMany(r => r.Extensions))}).");
        }
        var documents = files
            .Select(f => Read(File.ReadAllText(f), f) with { SourceFile = Path.GetRelativePath(folder, f) })
            .ToList();
        var passages = documents.SelectMany(d => PassageChunker.Chunk(d, options)).ToList();
        return new LoadedCorpus(documents, passages);
    }

    /// <summary>The document in a file's text, read by the reader of its format.</summary>
    public static Document Read(string text, string sourceFile) => ReaderFor(sourceFile)!.Read(text, sourceFile);

    /// <summary>The corpus files of a folder and its subfolders, in a stable order.</summary>
    public static IEnumerable<string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => ReaderFor(f) is not null)
            .Order(StringComparer.Ordinal);

    private static IDocumentReader? ReaderFor(string file) =>
        Readers.FirstOrDefault(r => r.Extensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase)));
}
