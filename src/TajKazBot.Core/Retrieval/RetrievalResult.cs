namespace TajKazBot.Core.Retrieval;

/// <summary>
/// Ranked passages for a question and the evidence that the document answers it at all.
/// </summary>
/// <param name="Terms">The question's analysed terms (stemmed, stop words removed).</param>
/// <param name="Coverage">Share (0..1) of the question's informative weight that the best passage matches.</param>
/// <param name="IsAnswerable">False when the evidence says the document does not cover the question.</param>
public sealed record RetrievalResult(
    IReadOnlyList<ScoredPassage> Passages,
    IReadOnlyList<string> Terms,
    double Coverage,
    bool IsAnswerable)
{
    private readonly double? evidence;

    public static RetrievalResult Empty { get; } = new([], [], 0, false);

    /// <summary>
    /// How strongly retrieval says the document answers the question (0..1), what declines are decided on:
    /// <see cref="Coverage"/> unless a retriever with more signals says otherwise.
    /// </summary>
    public double Evidence
    {
        get => evidence ?? Coverage;
        init => evidence = value;
    }

    /// <summary>The question's sentence-embedding vector when retrieval made one, for scoring sentences.</summary>
    public float[]? QuestionVector { get; init; }

    /// <summary>The question as searched: misspelt words replaced by the document's closest words.</summary>
    public string Searched { get; init; } = "";
}
