using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TajKazBot.Core.Corpus;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// Prebuilt indexes in a folder, one sub-folder per <see cref="IndexKey"/>: opened read-only when the key
/// matches, else built and saved. A build is written to a private folder and renamed into place once complete
/// (see <see cref="IndexFolder"/>), so a reader never sees half an index; processes that find the same key missing
/// at once build it once (<see cref="BuildLock"/>) and the others wait and open it. A damaged folder is rebuilt, and
/// a folder that cannot be written to leaves the index in memory.
/// </summary>
public sealed class IndexStore(string root, ILogger<IndexStore> logger)
{
    private const string BuildingPrefix = ".building-";
    private const string LockPrefix = ".lock-";

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The index in memory only, saved nowhere.</summary>
    public static async Task<CorpusIndex> BuildInMemoryAsync(IReadOnlyList<Passage> passages, RetrievalOptions options, EnglishLexicon lexicon,
        SentenceEmbedder? semantic, SentenceEmbedder? ranking, CancellationToken cancellationToken = default) =>
        new(new LexicalIndex(passages, options, lexicon),
            semantic is null ? null : await SemanticIndex.BuildAsync(passages, semantic, cancellationToken),
            ranking is null ? null : await SemanticIndex.BuildAsync(passages, ranking, cancellationToken),
            IndexKey.Compute(passages, [semantic?.ModelId, ranking?.ModelId]));

    /// <param name="semantic">The encoder that measures; null for a lexical-only index.</param>
    /// <param name="ranking">The encoder that ranks; null when the first one does.</param>
    public async Task<CorpusIndex> OpenOrBuildAsync(IReadOnlyList<Passage> passages, RetrievalOptions options, EnglishLexicon lexicon,
        SentenceEmbedder? semantic, SentenceEmbedder? ranking, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var key = IndexKey.Compute(passages, [semantic?.ModelId, ranking?.ModelId]);
        var folder = Path.Combine(Root, key);
        if (TryOpen(folder, key, passages, options, lexicon, semantic, ranking) is { } opened)
        {
            logger.LogInformation("Opened the prebuilt index {Key} ({Passages} passages) in {Milliseconds} ms", key, passages.Count, clock.ElapsedMilliseconds);
            return opened;
        }
        using var held = await BuildLock.AcquireAsync(Path.Combine(Root, LockPrefix + key),
            () => logger.LogInformation("Another process is building the index {Key}; waiting to open it", key), cancellationToken);
        if (held is not null && TryOpen(folder, key, passages, options, lexicon, semantic, ranking) is { } waitedFor)
        {
            logger.LogInformation("Opened the index {Key} that another process built, after {Milliseconds} ms", key, clock.ElapsedMilliseconds);
            return waitedFor;
        }
        logger.LogInformation("No prebuilt index {Key} in {Root}; building it", key, Root);
        var built = await BuildInMemoryAsync(passages, options, lexicon, semantic, ranking, cancellationToken);
        try
        {
            Save(built, folder, passages, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not save the index to {Root}; it stays in memory", Root);
            return built;
        }
        logger.LogInformation("Built the index {Key} ({Passages} passages) in {Milliseconds} ms and saved it", key, passages.Count, clock.ElapsedMilliseconds);
        // Served from the folder from now on, as a process that finds it would: the in-memory copy goes.
        var saved = TryOpen(folder, key, passages, options, lexicon, semantic, ranking);
        if (saved is not null)
        {
            built.Dispose();
        }
        return saved ?? built;
    }

    private CorpusIndex? TryOpen(string folder, string key, IReadOnlyList<Passage> passages, RetrievalOptions options, EnglishLexicon lexicon,
        SentenceEmbedder? semantic, SentenceEmbedder? ranking)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }
        try
        {
            return IndexFolder.Open(folder, key, passages, options, lexicon, semantic, ranking);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever a damaged folder throws (Lucene's own exceptions included), the cure is the same: build again.
            logger.LogWarning("The prebuilt index in {Folder} is damaged ({Error}); rebuilding it", folder, e.Message);
            TryDelete(folder);
            return null;
        }
    }

    private void Save(CorpusIndex index, string folder, IReadOnlyList<Passage> passages, RetrievalOptions options)
    {
        Directory.CreateDirectory(Root);
        DeleteAbandonedBuilds();
        var building = Path.Combine(Root, $"{BuildingPrefix}{index.Key}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(building);
        try
        {
            IndexFolder.Write(building, index, passages, options);
            Directory.Move(building, folder);
        }
        catch (IOException) when (IndexFolder.IsComplete(folder))
        {
            // Another process published the same key first: its index is this one.
            TryDelete(building);
        }
        catch
        {
            TryDelete(building);
            throw;
        }
    }

    /// <summary>Private build folders an hour old belong to builds that died; a live build takes minutes at most.</summary>
    private void DeleteAbandonedBuilds()
    {
        foreach (var abandoned in Directory.EnumerateDirectories(Root, BuildingPrefix + "*")
                     .Where(d => Directory.GetLastWriteTimeUtc(d) < DateTime.UtcNow.AddHours(-1)))
        {
            TryDelete(abandoned);
        }
    }

    private void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not delete {Folder}: {Error}", folder, e.Message);
        }
    }
}
