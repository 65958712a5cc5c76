namespace TajKazBot.Core.Retrieval;

/// <summary>
/// The names and numbers of a question that the document never uses: what says a question is about
/// something else ("the capital of Uzbekistan", "trade in 2022"). A word is a name when an English
/// dictionary lists it only as a proper noun, or when it is capitalised where a sentence does not begin
/// and is no common word; common words, short words and misspellings of the document's words are not names.
/// </summary>
/// <param name="documentHas">Whether the document uses the (lower-case) word.</param>
/// <param name="lexicon">English common words and proper nouns.</param>
/// <remarks>Names come back as the question wrote them.</remarks>
public sealed partial class UnknownTerms(Func<string, bool> documentHas, EnglishLexicon lexicon)
{
    private const int MinNameLength = 3;

    public IReadOnlyList<string> Names(string text)
    {
        var names = new List<string>();
        // A link's words ("http", a host name) are an address, not what the question is about.
        text = Link().Replace(text, " ");
        foreach (Match word in Word().Matches(text))
        {
            var lower = word.Value.ToLowerInvariant();
            if (lower.Length < MinNameLength || lexicon.Words.Contains(lower) || documentHas(lower) || names.Contains(word.Value, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }
            if (lexicon.Names.Contains(lower) || (char.IsUpper(word.Value[0]) && !StartsSentence(text, word.Index)))
            {
                names.Add(word.Value);
            }
        }
        return names;
    }

    public IReadOnlyList<string> Numbers(string text) =>
        Number().Matches(text).Select(m => m.Value.Replace(",", "", StringComparison.Ordinal))
            .Where(n => !documentHas(n))
            .Distinct()
            .ToList();

    private static bool StartsSentence(string text, int index)
    {
        var before = text[..index].TrimEnd();
        return before.Length == 0 || before[^1] is '.' or '!' or '?' or ':' or '"' or '“' or '(' or '-' or '*';
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b(?:https?|ftp)://\S+|\bwww\.\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<![\p{L}\d])\d[\d,]*\d(?![\d\p{L}])")]
    private static partial Regex Number();
}
