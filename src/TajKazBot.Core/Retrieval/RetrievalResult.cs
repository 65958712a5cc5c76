namespace TajKazBot.Core.Retrieval;

/// <summary>
/// Ranked passages for a question and the signals of whether the document answers it. Retrievers only
/// measure; whether to answer is decided once, by the decline policy.
/// </summary>
/// <param name="Terms">The question's analysed terms (stemmed, stop words removed).</param>
/// <param name="Coverage">Share (0..1) of the question's informative (IDF-weighted) terms that the best passage matches.</param>
public sealed record RetrievalResult(
    IReadOnlyList<ScoredPassage> Passages,
    IReadOnlyList<string> Terms,
    double Coverage)
{
    public static RetrievalResult Empty { get; } = new([], [], 0);

    /// <summary>
    /// Cosine similarity of the question to the closest sentence of the document, on the measuring encoder's scale
    /// (MiniLM measures the question without the words naming the document's subject; arctic-embed-xs alone, the
    /// question's own vector); null when retrieval has no semantic stage.
    /// </summary>
    public double? Similarity { get; init; }

    /// <summary>Names in the question that the document never mentions, nor anything they stand for.</summary>
    public IReadOnlyList<string> UnknownNames { get; init; } = [];

    /// <summary>Numbers in the question (a year, an amount) that the document never mentions.</summary>
    public IReadOnlyList<string> UnknownNumbers { get; init; } = [];

    /// <summary>Terms carried over from the conversation for a follow-up, searched beside <see cref="Terms"/>.</summary>
    public IReadOnlyList<string> CarriedTerms { get; init; } = [];

    /// <summary>The question's sentence-embedding vector when retrieval made one, for scoring sentences.</summary>
    public float[]? QuestionVector { get; init; }

    /// <summary>The question as searched: misspelt words replaced by the document's closest words.</summary>
    public string Searched { get; init; } = "";

    /// <summary>The strongest single signal, for display: similarity with a semantic stage, coverage without.</summary>
    public double Evidence => Similarity ?? Coverage;
}
