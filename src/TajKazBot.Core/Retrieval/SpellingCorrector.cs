using System.Collections.Concurrent;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// Typo tolerance: a question word whose terms the index does not hold ("kazakstan", "cultral") is
/// replaced by the closest word of the document's own vocabulary by Damerau–Levenshtein distance, found
/// with Lucene's automaton-based <see cref="FuzzyTermsEnum"/> over an unstemmed word field. Words the
/// index knows are never touched, so exact matches rank as before, and neither are correctly spelt English
/// words the document does not use ("treat" is not "treaty"). Matching unstemmed words keeps
/// distances small: "cultral" is one edit from "cultural" but three from its stem "cultur".
/// </summary>
/// <param name="knownFields">Fields whose terms count as known (the passage text and the section headings).</param>
/// <param name="dictionary">Correctly spelt words that are never corrected, even when the document does not use them.</param>
public sealed class SpellingCorrector(
    Analyzer englishAnalyzer,
    Analyzer wordAnalyzer,
    IReadOnlyList<string> knownFields,
    string wordField,
    IReadOnlySet<string> dictionary,
    int maxEdits)
{
    /// <summary>Shorter words are left alone: at four letters one edit already reaches too many other words.</summary>
    public const int MinWordLength = 5;

    /// <summary>Words from this length on may be two edits away; shorter ones one.</summary>
    public const int TwoEditLength = 8;

    /// <summary>How many words' corrections are remembered before the memory starts again.</summary>
    public const int RememberedWords = 10_000;

    /// <summary>
    /// Each word's correction (or none), once found: the vocabulary never changes, and building the
    /// edit automata for an unknown word costs more than the rest of a lexical turn.
    /// </summary>
    private readonly ConcurrentDictionary<string, string?> corrections = new(StringComparer.Ordinal);

    /// <summary>The text with each unknown word replaced by its closest vocabulary word, or unchanged.</summary>
    public string Correct(string text, IndexReader reader)
    {
        if (maxEdits <= 0)
        {
            return text;
        }
        var words = MultiFields.GetTerms(reader, wordField);
        if (words is null)
        {
            return text;
        }
        var corrected = new StringBuilder(text.Length);
        var position = 0;
        foreach (var (word, start, end) in TextAnalysis.Tokens(wordAnalyzer, wordField, text))
        {
            if (Remembered(word, words, reader) is { } replacement)
            {
                corrected.Append(text, position, start - position).Append(replacement);
                position = end;
            }
        }
        return position == 0 ? text : corrected.Append(text, position, text.Length - position).ToString();
    }

    private string? Remembered(string word, Terms words, IndexReader reader)
    {
        if (corrections.TryGetValue(word, out var known))
        {
            return known;
        }
        if (corrections.Count >= RememberedWords)
        {
            corrections.Clear();
        }
        return corrections[word] = Closest(word, words, reader);
    }

    private string? Closest(string word, Terms words, IndexReader reader)
    {
        if (word.Length < MinWordLength || !word.All(char.IsLetter) || dictionary.Contains(word) || reader.DocFreq(new Term(wordField, word)) > 0)
        {
            return null;
        }
        var terms = TextAnalysis.DistinctTerms(englishAnalyzer, knownFields[0], word);
        if (terms.Count == 0 || terms.All(t => knownFields.Any(f => reader.DocFreq(new Term(f, t)) > 0)))
        {
            return null;
        }
        var edits = Math.Min(maxEdits, word.Length >= TwoEditLength ? 2 : 1);
        // A shared first letter, as spelling checkers assume: first letters are rarely mistyped, and it keeps
        // out-of-document words from being "corrected" into the document.
        var candidates = new FuzzyTermsEnum(words, new AttributeSource(), new Term(wordField, word), edits, 1, true);
        var boost = candidates.Attributes.AddAttribute<IBoostAttribute>();
        string? best = null;
        float bestBoost = 0;
        var bestFreq = 0;
        while (candidates.MoveNext())
        {
            var candidate = candidates.Term.Utf8ToString();
            var freq = candidates.DocFreq;
            if (best is null || boost.Boost > bestBoost || (boost.Boost == bestBoost && freq > bestFreq))
            {
                (best, bestBoost, bestFreq) = (candidate, boost.Boost, freq);
            }
        }
        return best;
    }
}
