using System.Text;
using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Answering;

/// <summary>Puts the words of a passage that matched the question in markdown bold.</summary>
public sealed class MatchHighlighter(ITermStatistics terms)
{
    public string Bold(string text, IReadOnlySet<string> matchedTerms)
    {
        if (matchedTerms.Count == 0)
        {
            return text;
        }
        var spans = terms.Terms(text)
            .Where(t => matchedTerms.Contains(t.Term))
            .Select(t => (t.Start, t.End))
            .ToList();
        var result = new StringBuilder(text.Length + spans.Count * 4);
        var position = 0;
        for (var i = 0; i < spans.Count; i++)
        {
            var (start, end) = spans[i];
            // Adjacent matches ("Collective Security") become one bold run.
            while (i + 1 < spans.Count && text.AsSpan(end, spans[i + 1].Start - end).Trim().Length == 0)
            {
                end = spans[++i].End;
            }
            result.Append(text, position, start - position).Append("**").Append(text, start, end - start).Append("**");
            position = end;
        }
        return result.Append(text, position, text.Length - position).ToString();
    }
}
