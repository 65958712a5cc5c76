namespace TajKazBot.Core.Retrieval;

/// <summary>How the index reads text and how informative its terms are: what precise answers and highlighting need of it.</summary>
public interface ITermStatistics
{
    /// <summary>The analysed terms of a text (stemmed, stop words removed), with their character offsets.</summary>
    IReadOnlyList<(string Term, int Start, int End)> Terms(string text);

    /// <summary>IDF of a term in the passage text, BM25's formula; unseen terms get the highest value.</summary>
    double Idf(string term);
}
