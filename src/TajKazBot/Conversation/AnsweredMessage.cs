using TajKazBot.Core.Answering;

namespace TajKazBot.Conversation;

/// <summary>An answer the bot sent, by the id the channel gave it, so feedback on it names the right question.</summary>
public sealed record AnsweredMessage(string ActivityId, string Question, AnswerKind Kind);
