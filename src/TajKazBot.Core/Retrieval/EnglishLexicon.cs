using System.Collections.Frozen;

namespace TajKazBot.Core.Retrieval;

/// <summary>English words, lower case: common words, and words a dictionary lists only as proper nouns.</summary>
public sealed record EnglishLexicon(FrozenSet<string> Words, FrozenSet<string> Names)
{
    public static EnglishLexicon Empty { get; } = new(FrozenSet<string>.Empty, FrozenSet<string>.Empty);
}
