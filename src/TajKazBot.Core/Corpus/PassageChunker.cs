namespace TajKazBot.Core.Corpus;

/// <summary>
/// Turns a document's paragraphs into passages: one per paragraph, and a paragraph longer than
/// <see cref="ChunkingOptions.MaxPassageChars"/> split at sentence boundaries into pieces that
/// overlap by a sentence, so a fact near a cut is whole in at least one piece. Paragraphs shorter than
/// <see cref="ChunkingOptions.MinPassageChars"/> are packed with their neighbours under the same headings,
/// up to the longest passage: a list item or a line of reference text is too little to rank on alone.
/// </summary>
public static class PassageChunker
{
    public static IReadOnlyList<Passage> Chunk(Document document, ChunkingOptions options)
    {
        // The file name with its extension (and folder, for nested corpora) keeps a.txt and a.md apart.
        var stem = document.SourceFile.Replace('\\', '/');
        var passages = new List<Passage>();
        foreach (var (i, paragraph) in Packed(document, options))
        {
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

    /// <summary>
    /// The paragraphs with short neighbours joined, each with the number of its first paragraph. Only neighbours
    /// under the same headings with nothing but white space between them: a passage is a slice of its source,
    /// and what a reader left out (code) stays out.
    /// </summary>
    private static List<(int First, Paragraph Paragraph)> Packed(Document document, ChunkingOptions options)
    {
        var packed = new List<(int First, Paragraph Paragraph)>();
        for (var i = 0; i < document.Paragraphs.Count; i++)
        {
            var next = document.Paragraphs[i];
            if (packed.Count > 0 && packed[^1].Paragraph is var last
                && (last.Text.Length < options.MinPassageChars || next.Text.Length < options.MinPassageChars)
                && next.End - last.Start <= options.MaxPassageChars
                && last.Headings.SequenceEqual(next.Headings)
                && document.Text.AsSpan(last.End, next.Start - last.End).IsWhiteSpace())
            {
                packed[^1] = (packed[^1].First, last with { Text = document.Text[last.Start..next.End], End = next.End });
                continue;
            }
            packed.Add((i, next));
        }
        return packed;
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
