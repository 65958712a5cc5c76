namespace TajKazBot.Conversation;

/// <param name="MatchedTerms">Kept so that passages shown later by <c>more</c> are highlighted like the first ones.</param>
public sealed record RankedPassage(string PassageId, double Score, List<string> MatchedTerms);
