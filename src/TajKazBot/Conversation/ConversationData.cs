using Microsoft.Bot.Builder;
using TajKazBot.Core.Answering;

namespace TajKazBot.Conversation;

/// <summary>
/// What one conversation remembers between turns: its last few questions (for follow-ups), its last
/// answer that showed passages (for <c>more</c> and <c>source N</c>) and the answers sent (so feedback
/// names the right question). Every list is bounded. Stored as one item with an ETag, so a turn that
/// read an older version cannot overwrite a newer one unnoticed.
/// </summary>
/// <remarks>
/// The lists are concrete <see cref="List{T}"/>s because storage writes each value's runtime type into
/// the JSON and must be able to construct it again.
/// </remarks>
public sealed class ConversationData : IStoreItem
{
    public const int RememberedTurns = 5;

    /// <summary>How many sent answers feedback can still be matched to by message id.</summary>
    public const int RememberedAnswers = 20;

    public List<ConversationTurn> History { get; set; } = [];

    public LastAnswer? Last { get; set; }

    public List<AnsweredMessage> Answered { get; set; } = [];

    public string? ETag { get; set; }

    /// <summary>
    /// Remembers an answer to a question. Small talk (no question) leaves the turns alone; only an answer
    /// that shows passages replaces the last one, so after small talk or a plain decline <c>more</c> and
    /// <c>source N</c> still work on the answer before.
    /// </summary>
    /// <param name="messageId">The id the channel gave the reply, when it gave one.</param>
    public void Remember(Answer answer, string? messageId)
    {
        if (answer.Question.Length == 0)
        {
            return;
        }
        History.Add(new ConversationTurn(answer.Question, answer.Text));
        History.RemoveRange(0, Math.Max(0, History.Count - RememberedTurns));
        if (answer.Citations.Count > 0)
        {
            Last = new LastAnswer(
                answer.Question,
                answer.Kind,
                answer.Citations.Select(c => new CitedPassage(c.Number, c.PassageId, c.Score)).ToList(),
                answer.Ranked.Select(r => new RankedPassage(r.Passage.Id, r.Score, r.MatchedTerms.ToList())).ToList());
        }
        if (!string.IsNullOrEmpty(messageId))
        {
            Answered.Add(new AnsweredMessage(messageId, answer.Question, answer.Kind));
            Answered.RemoveRange(0, Math.Max(0, Answered.Count - RememberedAnswers));
        }
    }

    /// <summary>Adds the passages a command showed for the last answer's question to its own, numbered as shown; ones already there stay as they are.</summary>
    public void Showed(Answer shown)
    {
        if (Last is null || Last.Question != shown.Question)
        {
            return;
        }
        var numbers = Last.Cited.Select(c => c.Number).ToHashSet();
        Last.Cited.AddRange(shown.Citations
            .Where(c => !numbers.Contains(c.Number))
            .Select(c => new CitedPassage(c.Number, c.PassageId, c.Score)));
    }

    /// <summary>
    /// The question and kind of the answer judged by feedback: the message Teams names in replyToId, or,
    /// without one (the Agents Playground), the last answer.
    /// </summary>
    public (string? Question, AnswerKind? Kind) Judged(string? replyToId)
    {
        var judged = Answered.LastOrDefault(m => m.ActivityId == replyToId);
        return judged is not null ? (judged.Question, judged.Kind) : (Last?.Question, Last?.Kind);
    }
}
