using System.Text.RegularExpressions;
using TajKazBot.Core.Corpus;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// Sentence-embedding vectors of every passage, of every sentence in it and of the document's names,
/// computed once at start and held in memory (the document is small: a few hundred vectors).
/// </summary>
public sealed partial class SemanticIndex
{
    private readonly SentenceEmbedder embedder;
    private readonly Dictionary<Passage, int> ordinals;
    private readonly float[][] passageVectors;
    private readonly IReadOnlyList<PassageSentence>[] sentences;
    private readonly float[][] nameVectors;

    private SemanticIndex(IReadOnlyList<Passage> passages, SentenceEmbedder embedder, float[][] passageVectors, IReadOnlyList<PassageSentence>[] sentences, float[][] nameVectors)
    {
        this.embedder = embedder;
        this.passageVectors = passageVectors;
        this.sentences = sentences;
        this.nameVectors = nameVectors;
        // By reference: retrievers hand back the very passage objects they were built with.
        ordinals = new Dictionary<Passage, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < passages.Count; i++)
        {
            ordinals.TryAdd(passages[i], i);
        }
    }

    public static async Task<SemanticIndex> BuildAsync(IReadOnlyList<Passage> passages, SentenceEmbedder embedder, CancellationToken cancellationToken = default)
    {
        // The section path says what a paragraph is about when its own sentences leave it implicit.
        var passageVectors = await EmbedEachAsync(embedder, passages.Select(p => $"{p.SectionPath}: {p.Text}"), cancellationToken);
        var spans = passages.Select(p => SentenceSplitter.Split(p.Text).Where(s => p.Text.AsSpan(s.Start, s.End - s.Start).Trim().Length > 0).ToList()).ToList();
        var vectors = await EmbedEachAsync(embedder, spans.SelectMany((s, i) => s.Select(span => passages[i].Text[span.Start..span.End])), cancellationToken);
        var sentences = new IReadOnlyList<PassageSentence>[passages.Count];
        var next = 0;
        for (var i = 0; i < passages.Count; i++)
        {
            sentences[i] = spans[i].Select(span => new PassageSentence(span.Start, span.End, vectors[next++])).ToList();
        }
        var names = await EmbedShortAsync(embedder, passages.SelectMany(p => NamePhrase().Matches(p.Text).Select(m => m.Value)).Distinct().ToList(), cancellationToken);
        return new SemanticIndex(passages, embedder, passageVectors, sentences, names);
    }

    /// <summary>A text's vector (cached by text: a repeated question or context costs no model run).</summary>
    public Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken = default) => embedder.EmbedAsync(text, cancellationToken);

    /// <summary>A question's vector, with the encoder's query prefix where it has one (cached).</summary>
    public Task<float[]> EmbedQuestionAsync(string text, CancellationToken cancellationToken = default) => embedder.EmbedQueryAsync(text, cancellationToken);

    /// <summary>Vectors of many short texts (names, phrases), in batches: short texts of similar length pad little.</summary>
    public Task<float[][]> EmbedShortAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        EmbedShortAsync(embedder, texts, cancellationToken);

    /// <summary>
    /// True when the name means one the document uses: the encoder puts it at least this close to one of
    /// the document's capitalised phrases ("USSR" and "Soviet Union").
    /// </summary>
    public async Task<bool> IsAliasAsync(string name, double minSimilarity, CancellationToken cancellationToken = default)
    {
        var vector = await embedder.EmbedAsync(name, cancellationToken);
        return nameVectors.Any(n => SentenceEmbedder.Cosine(vector, n) >= minSimilarity);
    }

    /// <summary>
    /// Similarity of the vector to each passage, in passage order: the mean of its cosine to the whole passage
    /// (what the passage is about) and to the passage's closest sentence (whether one sentence says it).
    /// A long passage's vector blurs its sentences together, so the sentence term keeps a fact in it findable.
    /// </summary>
    public double[] Similarities(float[] vector) =>
        passageVectors.Select((p, i) => (SentenceEmbedder.Cosine(vector, p) + BestSentence(vector, i)) / 2).ToArray();

    /// <summary>The highest cosine similarity of the vector to any sentence of the document.</summary>
    public double BestSentenceSimilarity(float[] vector) =>
        Enumerable.Range(0, sentences.Length).Select(i => BestSentence(vector, i)).DefaultIfEmpty(0).Max();

    /// <summary>The sentences of a passage with their vectors, or none for a passage this index does not hold.</summary>
    public IReadOnlyList<PassageSentence> SentencesOf(Passage passage) =>
        ordinals.TryGetValue(passage, out var ordinal) ? sentences[ordinal] : [];

    private double BestSentence(float[] vector, int ordinal) =>
        sentences[ordinal].Count == 0 ? 0 : sentences[ordinal].Max(s => SentenceEmbedder.Cosine(vector, s.Vector));

    /// <summary>
    /// One text per model run: the encoder pads a batch to its longest text, so a batch of texts of mixed
    /// lengths (paragraphs, sentences) costs more than embedding them one by one (1.1 s against 0.45 s here).
    /// </summary>
    private static async Task<float[][]> EmbedEachAsync(SentenceEmbedder embedder, IEnumerable<string> texts, CancellationToken cancellationToken)
    {
        var vectors = new List<float[]>();
        foreach (var text in texts)
        {
            vectors.Add((await embedder.EmbedAsync([text], cancellationToken))[0]);
        }
        return vectors.ToArray();
    }

    private static async Task<float[][]> EmbedShortAsync(SentenceEmbedder embedder, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var vectors = new List<float[]>();
        foreach (var batch in texts.Chunk(64))
        {
            vectors.AddRange(await embedder.EmbedAsync(batch, cancellationToken));
        }
        return vectors.ToArray();
    }

    /// <summary>A run of capitalised words (a name such as "Soviet Union" or "Nur-Sultan"), or an acronym.</summary>
    [GeneratedRegex(@"\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*")]
    private static partial Regex NamePhrase();
}
