namespace TajKazBot.Core.Answering;

/// <summary>One earlier exchange of a conversation, for follow-up questions.</summary>
public sealed record ConversationTurn(string Question, string AnswerText);
