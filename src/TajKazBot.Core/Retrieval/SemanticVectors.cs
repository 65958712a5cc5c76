namespace TajKazBot.Core.Retrieval;

/// <summary>
/// One encoder's unit vectors for a corpus, row after row in flat arrays (one allocation each, read from
/// disk in one go, scanned in order): passage vectors, sentence vectors grouped by passage
/// (<see cref="SentenceOffsets"/>[i] up to [i + 1] are passage i's), and the vectors of the document's names.
/// </summary>
/// <param name="SentenceStarts">Start of each sentence in its passage's text.</param>
/// <param name="SentenceEnds">End (exclusive) of each sentence in its passage's text.</param>
public sealed record SemanticVectors(
    int Dimensions,
    float[] Passages,
    int[] SentenceOffsets,
    int[] SentenceStarts,
    int[] SentenceEnds,
    float[] Sentences,
    float[] Names)
{
    public int PassageCount => SentenceOffsets.Length - 1;

    public int SentenceCount => SentenceStarts.Length;

    public int NameCount => Dimensions == 0 ? 0 : Names.Length / Dimensions;

    public ReadOnlySpan<float> Passage(int ordinal) => Passages.AsSpan(ordinal * Dimensions, Dimensions);

    public ReadOnlySpan<float> Sentence(int index) => Sentences.AsSpan(index * Dimensions, Dimensions);

    public ReadOnlySpan<float> Name(int index) => Names.AsSpan(index * Dimensions, Dimensions);

    /// <summary>Rows of equal length laid end to end; no rows give no dimensions.</summary>
    public static (int Dimensions, float[] Flat) Flatten(IReadOnlyList<float[]> rows)
    {
        var dimensions = rows.Count == 0 ? 0 : rows[0].Length;
        var flat = new float[rows.Count * dimensions];
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].CopyTo(flat, i * dimensions);
        }
        return (dimensions, flat);
    }
}
