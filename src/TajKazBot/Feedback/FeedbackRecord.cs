using TajKazBot.Core.Answering;

namespace TajKazBot.Feedback;

/// <summary>One user's verdict on one answer, as written to the feedback log.</summary>
/// <param name="Reaction">Teams' <c>like</c> or <c>dislike</c>.</param>
/// <param name="Text">What the user typed in the feedback form, if anything.</param>
/// <param name="Question">The question of the answer judged (the conversation's last one); null when none is remembered.</param>
/// <param name="ReplyToId">The id of the message judged, when the channel sends it.</param>
public sealed record FeedbackRecord(
    DateTimeOffset Time,
    string Reaction,
    string? Text,
    string? Question,
    AnswerKind? Kind,
    string? ConversationId,
    string? ReplyToId,
    string? ChannelId);
