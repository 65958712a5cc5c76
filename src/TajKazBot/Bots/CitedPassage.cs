namespace TajKazBot.Bots;

public sealed record CitedPassage(int Number, string PassageId, double Score);
