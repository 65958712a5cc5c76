using Lucene.Net.Index;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// The index's terms with their document frequencies, and the words the document uses, read from the
/// index once (it never changes after it is opened): each turn asks for them dozens of times, and a Lucene
/// lookup opens a terms enumerator each time.
/// </summary>
public sealed class IndexVocabulary
{
    private readonly Dictionary<string, int> textFrequencies;
    private readonly HashSet<string> words;

    public IndexVocabulary(IndexReader reader, string textField, string wordField)
    {
        textFrequencies = Frequencies(reader, textField);
        words = Frequencies(reader, wordField).Keys.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>In how many passages the (analysed) term occurs; 0 for a term the index lacks.</summary>
    public int DocFreq(string term) => textFrequencies.GetValueOrDefault(term);

    /// <summary>Whether the document uses the word (lower case, unstemmed).</summary>
    public bool Knows(string word) => words.Contains(word);

    private static Dictionary<string, int> Frequencies(IndexReader reader, string field)
    {
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = MultiFields.GetTerms(reader, field)?.GetEnumerator();
        while (terms is not null && terms.MoveNext())
        {
            frequencies[terms.Term.Utf8ToString()] = terms.DocFreq;
        }
        return frequencies;
    }
}
