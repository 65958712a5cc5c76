using System.Text.RegularExpressions;

namespace TajKazBot.Core.Answering;

/// <summary>
/// The plain (model-free) way to read a follow-up: a question that points back ("when was that?",
/// "what do they sell them?") or is too short to stand alone is searched together with the previous
/// question's words, at a lower weight than its own.
/// </summary>
public static partial class FollowUpQuestions
{
    private const int ShortQuestionWords = 6;

    private static readonly HashSet<string> PointingBack = new(StringComparer.OrdinalIgnoreCase)
    {
        "it", "its", "that", "this", "those", "these", "they", "them", "their", "theirs", "there", "then",
        "he", "him", "his", "she", "her", "such", "same", "also", "else", "other", "more",
    };

    /// <summary>The earlier text to search with, or null when the question stands on its own.</summary>
    public static string? Context(string question, IReadOnlyList<ConversationTurn> history)
    {
        if (history.Count == 0)
        {
            return null;
        }
        var words = Word().Matches(question).Select(m => m.Value).ToList();
        return PointsBack(question) || words.Count <= ShortQuestionWords ? history[^1].Question : null;
    }

    /// <summary>
    /// True when the question names its topic only by pointing back ("when was that?"): then the earlier
    /// question's words also count as evidence that the document answers it. A merely short question gets
    /// the earlier words for ranking only, so a new, off-topic question is still declined.
    /// </summary>
    public static bool PointsBack(string question) => Word().Matches(question).Any(m => PointingBack.Contains(m.Value));

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}'’-]*")]
    private static partial Regex Word();
}
