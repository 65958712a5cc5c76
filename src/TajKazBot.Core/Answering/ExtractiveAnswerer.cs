using System.Text;
using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Answering;

/// <summary>
/// Answers with the sentence that answers the question in bold, then the top passages verbatim, numbered,
/// labelled with their section path, matches in bold.
/// </summary>
public sealed class ExtractiveAnswerer(MatchHighlighter highlighter, PreciseAnswerFinder precise, AnsweringOptions options)
{
    public Answer Answer(string question, RetrievalResult retrieval)
    {
        var shown = retrieval.Passages.Take(options.TopPassages).ToList();
        var citations = shown.Select((p, i) => new Citation(i + 1, p.Passage, p.Score)).ToList();
        var text = new StringBuilder();
        var preciseAnswer = precise.Find(retrieval);
        if (preciseAnswer is not null)
        {
            text.Append("**").Append(preciseAnswer).Append("** [1]");
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
