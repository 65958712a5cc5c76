namespace TajKazBot.Core.Retrieval;

/// <summary>
/// How a question leans on the conversation, decided once (in Answering) and passed down to retrieval.
/// </summary>
/// <param name="Context">The earlier question whose words are searched too, at a lower weight.</param>
/// <param name="PointsBack">
/// True when the question names its topic only by pointing back ("when was that?", "and the other one?"):
/// the earlier words then count fully as evidence. False for a question with a topic of its own ("what
/// about energy?"), which borrows the earlier words for ranking only, lightly.
/// </param>
public sealed record FollowUp(string Context, bool PointsBack);
