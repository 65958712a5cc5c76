using System.Text.Json;
using TajKazBot.Core.Corpus;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// One <see cref="CorpusIndex"/> on disk: the Lucene index, the vectors of each encoder, and a manifest
/// written last, so a folder without one was not written completely.
/// </summary>
public static class IndexFolder
{
    private const string LuceneFolder = "lucene";
    private const string SemanticFile = "semantic.vectors";
    private const string RankingFile = "ranking.vectors";
    private const string ManifestFile = "manifest.json";

    public static bool IsComplete(string folder) => File.Exists(Path.Combine(folder, ManifestFile));

    public static void Write(string folder, CorpusIndex index, IReadOnlyList<Passage> passages, RetrievalOptions options)
    {
        LexicalIndexFolder.Write(Path.Combine(folder, LuceneFolder), passages, options);
        if (index.Semantic is not null)
        {
            SemanticVectorsFile.Write(Path.Combine(folder, SemanticFile), index.Semantic.Vectors);
        }
        if (index.Ranking is not null)
        {
            SemanticVectorsFile.Write(Path.Combine(folder, RankingFile), index.Ranking.Vectors);
        }
        var manifest = new { index.Key, Passages = passages.Count, Semantic = index.Semantic is not null, Ranking = index.Ranking is not null, Built = DateTimeOffset.UtcNow };
        File.WriteAllText(Path.Combine(folder, ManifestFile), JsonSerializer.Serialize(manifest));
    }

    /// <summary>Opens what <see cref="Write"/> saved; an incomplete or damaged folder throws (Lucene's own exceptions included).</summary>
    public static CorpusIndex Open(string folder, string key, IReadOnlyList<Passage> passages, RetrievalOptions options, EnglishLexicon lexicon,
        SentenceEmbedder? semantic, SentenceEmbedder? ranking)
    {
        if (!IsComplete(folder))
        {
            throw new InvalidDataException("The index has no manifest: it was not written completely.");
        }
        var lexical = LexicalIndexFolder.Open(Path.Combine(folder, LuceneFolder), passages, options, lexicon);
        try
        {
            return new CorpusIndex(lexical,
                semantic is null ? null : SemanticIndex.Open(passages, semantic, SemanticVectorsFile.Read(Path.Combine(folder, SemanticFile))),
                ranking is null ? null : SemanticIndex.Open(passages, ranking, SemanticVectorsFile.Read(Path.Combine(folder, RankingFile))),
                key);
        }
        catch
        {
            lexical.Dispose();
            throw;
        }
    }
}
