using Lucene.Net.Store;
using TajKazBot.Core.Corpus;

namespace TajKazBot.Core.Retrieval;

/// <summary>A <see cref="LexicalIndex"/> saved in a folder: written once, then opened for reading by any number of processes.</summary>
public static class LexicalIndexFolder
{
    /// <summary>Writes the passages' Lucene index (spelling vocabulary included: it is the index's word field) to a folder.</summary>
    public static void Write(string folder, IReadOnlyList<Passage> passages, RetrievalOptions options) =>
        LuceneDocuments.Written(FSDirectory.Open(folder), passages, options).Dispose();

    /// <summary>
    /// Opens, for reading only, the index that <see cref="Write"/> saved for these passages. A folder that holds
    /// no index, a damaged one or one of other passages throws <see cref="IOException"/> (or a subclass).
    /// </summary>
    public static LexicalIndex Open(string folder, IReadOnlyList<Passage> passages, RetrievalOptions options, EnglishLexicon? lexicon = null)
    {
        var directory = FSDirectory.Open(folder);
        LexicalIndex? index = null;
        try
        {
            index = new LexicalIndex(passages, options, lexicon, directory);
            var held = index.Read(s => s.IndexReader.NumDocs);
            return held == passages.Count
                ? index
                : throw new InvalidDataException($"The index in '{folder}' holds {held} passages, the corpus has {passages.Count}.");
        }
        catch
        {
            if (index is null)
            {
                directory.Dispose();
            }
            index?.Dispose();
            throw;
        }
    }
}
