using System.Collections.Frozen;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// The English dictionary the method leans on: SCOWL's American English list as Debian ships it
/// (wamerican; licence in Resources/SCOWL-LICENSE.txt), split into the lower-case entries (common words,
/// about 64,000) and the capitalised ones (proper nouns: places, people, organisations). Typo correction
/// leaves common words alone, so a correctly spelt word the document happens not to use ("treat") is not
/// bent into one it does ("treaty"); proper nouns the document never uses mark a question about something else.
/// </summary>
public static class EnglishWords
{
    private static readonly Lazy<EnglishLexicon> Lexicon = new(() => new(Read("english-words.txt"), Read("english-names.txt")));

    /// <summary>The lists, read once a process (they never change, and are only read): each index and host shares them.</summary>
    public static EnglishLexicon Load() => Lexicon.Value;

    private static FrozenSet<string> Read(string name)
    {
        var assembly = typeof(EnglishWords).Assembly;
        using var stream = assembly.GetManifestResourceStream($"TajKazBot.Core.Resources.{name}")
            ?? throw new InvalidOperationException($"The word list {name} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 1)
            {
                words.Add(line);
            }
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
