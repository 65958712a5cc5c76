using System.Numerics.Tensors;
using TajKazBot.Core.Corpus;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// Sentence-embedding vectors of every passage, of every sentence in it and of the document's names, held in
/// memory: computed once (<see cref="BuildAsync"/>) and then read back from the prebuilt index (<see cref="Open"/>).
/// </summary>
public sealed partial class SemanticIndex
{
    private readonly SentenceEmbedder embedder;
    private readonly Dictionary<Passage, int> ordinals;

    private SemanticIndex(IReadOnlyList<Passage> passages, SentenceEmbedder embedder, SemanticVectors vectors)
    {
        if (vectors.PassageCount != passages.Count)
        {
            throw new InvalidDataException($"The vectors are of {vectors.PassageCount} passages, the corpus has {passages.Count}.");
        }
        this.embedder = embedder;
        Vectors = vectors;
        ordinals = PassageOrdinals.Of(passages);
    }

    /// <summary>The encoder's model, which made these vectors and embeds what they are compared with.</summary>
    public string ModelId => embedder.ModelId;

    /// <summary>What the index holds, to be saved and opened again without the encoder.</summary>
    public SemanticVectors Vectors { get; }

    /// <summary>The index over vectors computed before, for the same passages.</summary>
    public static SemanticIndex Open(IReadOnlyList<Passage> passages, SentenceEmbedder embedder, SemanticVectors vectors) => new(passages, embedder, vectors);

    public static async Task<SemanticIndex> BuildAsync(IReadOnlyList<Passage> passages, SentenceEmbedder embedder, CancellationToken cancellationToken = default)
    {
        // The section path says what a paragraph is about when its own sentences leave it implicit.
        var passageVectors = await embedder.EmbedManyAsync(passages.Select(p => $"{p.SectionPath}: {p.Text}").ToList(), cancellationToken);
        var spans = passages.Select(p => SentenceSplitter.Split(p.Text).Where(s => p.Text.AsSpan(s.Start, s.End - s.Start).Trim().Length > 0).ToList()).ToList();
        var offsets = new int[passages.Count + 1];
        for (var i = 0; i < passages.Count; i++)
        {
            offsets[i + 1] = offsets[i] + spans[i].Count;
        }
        var sentenceVectors = await embedder.EmbedManyAsync(spans.SelectMany((s, i) => s.Select(span => passages[i].Text[span.Start..span.End])).ToList(), cancellationToken);
        var names = await embedder.EmbedManyAsync(passages.SelectMany(p => NamePhrase().Matches(p.Text).Select(m => m.Value)).Distinct().ToList(), cancellationToken);
        var dimensions = new[] { passageVectors, sentenceVectors, names }.Where(v => v.Length > 0).Select(v => v[0].Length).FirstOrDefault();
        return new SemanticIndex(passages, embedder, new SemanticVectors(
            dimensions,
            SemanticVectors.Flatten(passageVectors).Flat,
            offsets,
            spans.SelectMany(s => s.Select(span => span.Start)).ToArray(),
            spans.SelectMany(s => s.Select(span => span.End)).ToArray(),
            SemanticVectors.Flatten(sentenceVectors).Flat,
            SemanticVectors.Flatten(names).Flat));
    }

    /// <summary>A text's vector (cached by text: a repeated question or context costs no model run).</summary>
    public Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken = default) => embedder.EmbedAsync(text, cancellationToken);

    /// <summary>A question's vector, with the encoder's query prefix where it has one (cached).</summary>
    public Task<float[]> EmbedQuestionAsync(string text, CancellationToken cancellationToken = default) => embedder.EmbedQueryAsync(text, cancellationToken);

    /// <summary>
    /// Vectors of a few short messages (small-talk phrases), embedded as questions are (with the query prefix) so
    /// that a message is compared with them like with like, batch after batch without leaving the caller's thread:
    /// this runs when the first turn needs it, while other turns may be blocked waiting for it, so it must not
    /// need the thread pool (a parallel loop here starved it: no reply for seconds under 16 connections).
    /// </summary>
    public async Task<float[][]> EmbedShortAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var vectors = new List<float[]>(texts.Count);
        foreach (var batch in texts.Chunk(64))
        {
            vectors.AddRange(await embedder.EmbedQueriesAsync(batch, cancellationToken));
        }
        return vectors.ToArray();
    }

    /// <summary>
    /// True when the name means one the document uses: the encoder puts it at least this close to one of
    /// the document's capitalised phrases ("USSR" and "Soviet Union").
    /// </summary>
    public async Task<bool> IsAliasAsync(string name, double minSimilarity, CancellationToken cancellationToken = default)
    {
        var vector = await embedder.EmbedAsync(name, cancellationToken);
        for (var i = 0; i < Vectors.NameCount; i++)
        {
            if (TensorPrimitives.Dot(vector, Vectors.Name(i)) >= minSimilarity)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Similarity of the vector to each passage, in passage order: the mean of its cosine to the whole passage
    /// (what the passage is about) and to the passage's closest sentence (whether one sentence says it).
    /// A long passage's vector blurs its sentences together, so the sentence term keeps a fact in it findable.
    /// The best sentence of all (<see cref="BestSentenceSimilarity"/>) comes from the same pass.
    /// </summary>
    public (double[] Passages, float BestSentence) Similarities(float[] vector)
    {
        var similarities = new double[Vectors.PassageCount];
        var bestSentence = Vectors.SentenceCount == 0 ? 0f : float.MinValue;
        for (var i = 0; i < similarities.Length; i++)
        {
            var sentence = BestSentence(vector, i);
            bestSentence = Math.Max(bestSentence, sentence);
            similarities[i] = (TensorPrimitives.Dot(vector, Vectors.Passage(i)) + sentence) / 2;
        }
        return (similarities, bestSentence);
    }

    /// <summary>The highest cosine similarity of the vector to any sentence of the document.</summary>
    public double BestSentenceSimilarity(float[] vector)
    {
        var best = Vectors.SentenceCount == 0 ? 0f : float.MinValue;
        for (var s = 0; s < Vectors.SentenceCount; s++)
        {
            best = Math.Max(best, TensorPrimitives.Dot(vector, Vectors.Sentence(s)));
        }
        return best;
    }

    /// <summary>The sentences of a passage with their vectors, or none for a passage this index does not hold.</summary>
    public IReadOnlyList<PassageSentence> SentencesOf(Passage passage) =>
        ordinals.TryGetValue(passage, out var ordinal)
            ? Enumerable.Range(Vectors.SentenceOffsets[ordinal], Vectors.SentenceOffsets[ordinal + 1] - Vectors.SentenceOffsets[ordinal])
                .Select(s => new PassageSentence(Vectors.SentenceStarts[s], Vectors.SentenceEnds[s], Vectors.Sentence(s).ToArray()))
                .ToList()
            : [];

    private float BestSentence(float[] vector, int ordinal)
    {
        var (first, end) = (Vectors.SentenceOffsets[ordinal], Vectors.SentenceOffsets[ordinal + 1]);
        var best = first == end ? 0f : float.MinValue;
        for (var s = first; s < end; s++)
        {
            best = Math.Max(best, TensorPrimitives.Dot(vector, Vectors.Sentence(s)));
        }
        return best;
    }

    /// <summary>A run of capitalised words (a name such as "Soviet Union" or "Nur-Sultan"), or an acronym.</summary>
    [GeneratedRegex(@"\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*")]
    private static partial Regex NamePhrase();
}
