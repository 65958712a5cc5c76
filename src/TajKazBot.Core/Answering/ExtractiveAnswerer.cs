using System.Text;
using TajKazBot.Core.Corpus;
using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Answering;

/// <summary>
/// Answers with the passages themselves, short: the sentence or two that answer the question in bold,
/// cited [1], then that passage verbatim with those sentences in bold. The next passages are cited
/// sources the channel lists (and <c>source N</c> shows whole); a continuation ("more") shows them whole,
/// numbered and labelled with their section, matched words in bold.
/// </summary>
public sealed class ExtractiveAnswerer(MatchHighlighter highlighter, PreciseAnswerFinder precise, AnsweringOptions options)
{
    /// <param name="firstNumber">The number of the first passage: above 1 when continuing an earlier answer ("more").</param>
    public Answer Answer(string question, RetrievalResult retrieval, int firstNumber = 1)
    {
        var shown = retrieval.Passages.Take(options.TopPassages).ToList();
        var citations = shown.Select((p, i) => new Citation(firstNumber + i, p.Passage, p.Score)).ToList();
        if (firstNumber > 1 || citations.Count == 0)
        {
            return new Answer(AnswerKind.Extractive, Whole(citations, shown), citations, question, retrieval.Passages);
        }
        var preciseAnswer = precise.Find(retrieval);
        var best = shown[0].Passage.Text;
        var at = preciseAnswer is null ? -1 : best.IndexOf(preciseAnswer, StringComparison.Ordinal);
        var text = at < 0
            ? highlighter.Bold(best, shown[0].MatchedTerms)
            : Excerpt(best, at, at + preciseAnswer!.Length) is { } excerpt ? $"**{preciseAnswer}** [1]\n\n{excerpt}" : $"**{preciseAnswer}** [1]";
        return new Answer(AnswerKind.Extractive, text, citations, question, retrieval.Passages) { PreciseAnswer = preciseAnswer };
    }

    /// <summary>
    /// The passage around the answering sentences, verbatim, those sentences in bold: whole when it is short,
    /// else the neighbouring sentences that fit <see cref="AnsweringOptions.ExcerptChars"/>, "…" where it is cut;
    /// null when no sentence around them fits, which would only repeat the answer above it.
    /// </summary>
    private string? Excerpt(string passage, int start, int end)
    {
        var sentences = SentenceSplitter.Split(passage).Where(x => x.End > x.Start).ToList();
        var first = sentences.FindLastIndex(x => x.Start <= start);
        var last = sentences.FindIndex(x => x.End >= end);
        var (from, to) = (start, end);
        for (var grew = true; grew;)
        {
            grew = false;
            if (first > 0 && to - sentences[first - 1].Start <= options.ExcerptChars)
            {
                (from, grew) = (sentences[--first].Start, true);
            }
            if (last >= 0 && last + 1 < sentences.Count && sentences[last + 1].End - from <= options.ExcerptChars)
            {
                (to, grew) = (sentences[++last].End, true);
            }
        }
        if ((from, to) == (start, end))
        {
            return null;
        }
        var lead = passage[from..start].TrimStart();
        var tail = passage[end..to].TrimEnd();
        return $"{(from > 0 ? "…" : "")}{lead}**{passage[start..end]}**{tail}{(to < passage.TrimEnd().Length ? " …" : "")}";
    }

    private string Whole(IReadOnlyList<Citation> citations, IReadOnlyList<ScoredPassage> shown)
    {
        var text = new StringBuilder();
        foreach (var (citation, scored) in citations.Zip(shown))
        {
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }
            text.Append('[').Append(citation.Number).Append("] **").Append(citation.SectionPath).Append("**\n\n")
                .Append(highlighter.Bold(scored.Passage.Text, scored.MatchedTerms));
        }
        return text.ToString();
    }
}
