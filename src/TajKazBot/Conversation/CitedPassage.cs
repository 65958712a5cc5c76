namespace TajKazBot.Conversation;

public sealed record CitedPassage(int Number, string PassageId, double Score);
