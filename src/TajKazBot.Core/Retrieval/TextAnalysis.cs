using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace TajKazBot.Core.Retrieval;

/// <summary>Runs text through the index's analyzer, so questions and passages meet as the same terms.</summary>
public static class TextAnalysis
{
    public static IReadOnlyList<(string Term, int Start, int End)> Tokens(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<(string, int, int)>();
        using var stream = analyzer.GetTokenStream(field, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        }
        stream.End();
        return tokens;
    }

    public static IReadOnlyList<string> DistinctTerms(Analyzer analyzer, string field, string text) =>
        Tokens(analyzer, field, text).Select(t => t.Term).Distinct().ToList();
}
