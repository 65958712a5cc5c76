using System.Text;
using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Answering;

/// <summary>
/// Answers with the sentence that answers the question in bold, then the top passages verbatim, numbered,
/// labelled with their section path, matches in bold.
/// </summary>
public sealed class ExtractiveAnswerer(MatchHighlighter highlighter, PreciseAnswerFinder precise, AnsweringOptions options)
{
    /// <param name="firstNumber">The number of the first passage: above 1 when continuing an earlier answer ("more").</param>
    public Answer Answer(string question, RetrievalResult retrieval, int firstNumber = 1)
    {
        var shown = retrieval.Passages.Take(options.TopPassages).ToList();
        var citations = shown.Select((p, i) => new Citation(firstNumber + i, p.Passage, p.Score)).ToList();
        var text = new StringBuilder();
        // A continuation ("more") shows further passages only: the precise answer came with the first ones.
        var preciseAnswer = firstNumber == 1 && citations.Count > 0 ? precise.Find(retrieval) : null;
        if (preciseAnswer is not null)
        {
            text.Append("**").Append(preciseAnswer).Append("** [").Append(citations[0].Number).Append(']');
        }
        foreach (var (citation, scored) in citations.Zip(shown))
        {
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }
            text.Append('[').Append(citation.Number).Append("] **").Append(citation.SectionPath).Append("**\n\n")
                .Append(highlighter.Bold(scored.Passage.Text, scored.MatchedTerms));
        }
        return new Answer(AnswerKind.Extractive, text.ToString(), citations, question, retrieval.Passages) { PreciseAnswer = preciseAnswer };
    }
}
