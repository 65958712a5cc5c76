namespace TajKazBot.Core.Corpus;

/// <summary>
/// Turns a document's paragraphs into passages: one per paragraph, and a paragraph longer than
/// <see cref="ChunkingOptions.MaxPassageChars"/> split at sentence boundaries into pieces that
/// overlap by a sentence, so a fact near a cut is whole in at least one piece.
/// </summary>
public static class PassageChunker
{
    public static IReadOnlyList<Passage> Chunk(Document document, ChunkingOptions options)
    {
        // The file name with its extension (and folder, for nested corpora) keeps a.txt and a.md apart.
        var stem = document.SourceFile.Replace('\\', '/');
        var passages = new List<Passage>();
        for (var i = 0; i < document.Paragraphs.Count; i++)
        {
            var paragraph = document.Paragraphs[i];
            var pieces = Pieces(paragraph.Text, options);
            for (var p = 0; p < pieces.Count; p++)
            {
                var (start, end) = pieces[p];
                var id = pieces.Count == 1 ? $"{stem}#p{i + 1}" : $"{stem}#p{i + 1}.{p + 1}";
                passages.Add(new Passage(
                    id,
                    document.Title,
                    paragraph.Headings,
                    paragraph.Text[start..end],
                    paragraph.Start + start,
                    paragraph.Start + end,
                    document.SourceFile,
                    document.Url));
            }
        }
        return passages;
    }

    private static List<(int Start, int End)> Pieces(string text, ChunkingOptions options)
    {
        if (text.Length <= options.MaxPassageChars)
        {
            return [(0, text.Length)];
        }
        var sentences = SentenceSplitter.Split(text).SelectMany(s => HardSplit(text, s, options.MaxPassageChars)).ToList();
        var pieces = new List<(int Start, int End)>();
        var first = 0;
        while (first < sentences.Count)
        {
            var last = first;
            while (last + 1 < sentences.Count && sentences[last + 1].End - sentences[first].Start <= options.MaxPassageChars)
            {
                last++;
            }
            pieces.Add((sentences[first].Start, sentences[last].End));
            if (last == sentences.Count - 1)
            {
                break;
            }
            first = Math.Max(first + 1, last + 1 - options.OverlapSentences);
        }
        return pieces;
    }

    /// <summary>A single sentence longer than the limit is cut at the last space before it.</summary>
    private static IEnumerable<(int Start, int End)> HardSplit(string text, (int Start, int End) sentence, int max)
    {
        var start = sentence.Start;
        while (sentence.End - start > max)
        {
            var cut = text.LastIndexOf(' ', start + max - 1, max);
            if (cut <= start)
            {
                cut = start + max;
            }
            yield return (start, cut);
            start = cut;
            while (start < sentence.End && text[start] == ' ')
            {
                start++;
            }
        }
        if (start < sentence.End)
        {
            yield return (start, sentence.End);
        }
    }
}
