namespace TajKazBot.Core.Retrieval;

public sealed record RetrievalOptions
{
    /// <summary>Weight of a match in the section path relative to one in the passage text.</summary>
    public float SectionBoost { get; init; } = 0.1f;

    /// <summary>Weight of a term carried over from the conversation (follow-ups) relative to the question's own.</summary>
    public float ContextWeight { get; init; } = 0.75f;

    /// <summary>
    /// The document is taken to answer a question when the best passage matches at least this share
    /// of the question's informative (IDF-weighted) terms.
    /// </summary>
    public double MinCoverage { get; init; } = 0.05;

    /// <summary>Terms found in more than this share of passages (the two countries' names) carry no evidence.</summary>
    public double UbiquitousTermShare { get; init; } = 0.5;

    /// <summary>Questions are cut to this many distinct terms, so a huge message stays one cheap query.</summary>
    public int MaxQueryTerms { get; init; } = 64;

    /// <summary>BM25 term-frequency saturation.</summary>
    public float K1 { get; init; } = 1.2f;

    /// <summary>BM25 length normalisation (0 = none, 1 = full).</summary>
    public float B { get; init; } = 0.4f;

    /// <summary>Folder for an on-disk index; null keeps the index in memory.</summary>
    public string? IndexPath { get; init; }
}
