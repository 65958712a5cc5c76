using TajKazBot.Core.Corpus;

namespace TajKazBot.Core.Retrieval;

/// <param name="MatchedTerms">The analysed question terms this passage contains, for highlighting.</param>
public sealed record ScoredPassage(Passage Passage, double Score, IReadOnlySet<string> MatchedTerms);
