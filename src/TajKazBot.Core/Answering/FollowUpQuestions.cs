using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Answering;

/// <summary>
/// The plain (model-free) way to read a follow-up, decided here once: a question that points back ("when
/// was that?", "and the Tajik one?") is searched with the previous question's words as its own topic; a
/// short one with a topic of its own ("what about energy?") borrows them only lightly, for the subject.
/// </summary>
public static partial class FollowUpQuestions
{
    private const int ShortQuestionWords = 6;

    private static readonly HashSet<string> PointingBack = new(StringComparer.OrdinalIgnoreCase)
    {
        "it", "its", "that", "this", "those", "these", "they", "them", "their", "theirs", "there", "then",
        "he", "him", "his", "she", "her", "such", "same", "also", "else", "other", "more", "one", "ones",
    };

    /// <summary>How the question leans on the conversation, or null when it stands on its own.</summary>
    public static FollowUp? Of(string question, IReadOnlyList<ConversationTurn> history)
    {
        if (history.Count == 0)
        {
            return null;
        }
        var pointsBack = PointsBack(question);
        return pointsBack || Word().Matches(question).Count <= ShortQuestionWords ? new FollowUp(history[^1].Question, pointsBack) : null;
    }

    /// <summary>A pronoun, or words that ask for more of something already named ("in particular", "which ones").</summary>
    public static bool PointsBack(string question) =>
        Word().Matches(question).Any(m => PointingBack.Contains(m.Value)) || AsksForMore().IsMatch(question);

    [GeneratedRegex(@"\b(in particular|particularly|specifically|for example|for instance|which ones|what else|how so|why so)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksForMore();

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}'’-]*")]
    private static partial Regex Word();
}
