namespace TajKazBot.Core.Corpus;

/// <summary>Splits text into sentences, keeping each sentence's offset in the text.</summary>
public static partial class SentenceSplitter
{
    public static IReadOnlyList<(int Start, int End)> Split(string text)
    {
        var sentences = new List<(int Start, int End)>();
        var start = 0;
        foreach (Match boundary in Boundary().Matches(text))
        {
            sentences.Add((start, boundary.Index));
            start = boundary.Index + boundary.Length;
        }
        if (start < text.Length)
        {
            sentences.Add((start, text.Length));
        }
        return sentences;
    }

    // End punctuation (optionally closed by a quote or bracket), white space, then a capital, digit or quote.
    // "e.g." and single capitals ("U.S.") are not boundaries.
    [GeneratedRegex(@"(?<!\b(?:e\.g|i\.e|etc|vs|Mr|Mrs|Dr|St|No|[A-Z]))(?<=[.!?…][""”’)\]]?)\s+(?=[""“‘(\[]?[A-Z0-9])")]
    private static partial Regex Boundary();
}
