using System.Text.RegularExpressions;
using TajKazBot.Core.Corpus;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// Sentence-embedding vectors of every passage and of every sentence in it, computed once at start and
/// held in memory (the document is small: a few hundred vectors of 384 floats).
/// </summary>
public sealed partial class SemanticIndex
{
    private readonly SentenceEmbedder embedder;
    private readonly Dictionary<Passage, int> ordinals;
    private readonly float[][] passageVectors;
    private readonly IReadOnlyList<PassageSentence>[] sentences;
    private readonly float[][] nameVectors;

    public SemanticIndex(IReadOnlyList<Passage> passages, SentenceEmbedder embedder)
    {
        this.embedder = embedder;
        // By reference: retrievers hand back the very passage objects they were built with.
        ordinals = new Dictionary<Passage, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < passages.Count; i++)
        {
            ordinals.TryAdd(passages[i], i);
        }
        // The section path says what a paragraph is about when its own sentences leave it implicit.
        passageVectors = EmbedEach(passages.Select(p => $"{p.SectionPath}: {p.Text}"));
        var spans = passages.Select(p => SentenceSplitter.Split(p.Text).Where(s => p.Text.AsSpan(s.Start, s.End - s.Start).Trim().Length > 0).ToList()).ToList();
        var vectors = EmbedEach(spans.SelectMany((s, i) => s.Select(span => passages[i].Text[span.Start..span.End])));
        sentences = new IReadOnlyList<PassageSentence>[passages.Count];
        var next = 0;
        for (var i = 0; i < passages.Count; i++)
        {
            sentences[i] = spans[i].Select(span => new PassageSentence(span.Start, span.End, vectors[next++])).ToList();
        }
        nameVectors = EmbedShort(passages.SelectMany(p => NamePhrase().Matches(p.Text).Select(m => m.Value)).Distinct().ToList());
    }

    /// <summary>A text's vector (cached by text: a repeated question or context costs no model run).</summary>
    public float[] Embed(string text) => embedder.EmbedOne(text);

    /// <summary>
    /// Vectors of many short texts (names, phrases) in batches: texts of similar, short length pad little,
    /// so a batch costs about what one text does.
    /// </summary>
    public float[][] EmbedShort(IReadOnlyList<string> texts) => texts.Chunk(64).SelectMany(batch => embedder.Embed(batch)).ToArray();

    /// <summary>A question's vector, with the encoder's query prefix where it has one (cached).</summary>
    public float[] EmbedQuestion(string text) => embedder.EmbedQuery(text);

    /// <summary>
    /// True when the name means one the document uses: the encoder puts it at least this close to one of
    /// the document's capitalised phrases ("USSR" and "Soviet Union").
    /// </summary>
    public bool IsAlias(string name, double minSimilarity)
    {
        var vector = embedder.EmbedOne(name);
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

    private double BestSentence(float[] vector, int ordinal) =>
        sentences[ordinal].Count == 0 ? 0 : sentences[ordinal].Max(s => SentenceEmbedder.Cosine(vector, s.Vector));

    /// <summary>The sentences of a passage with their vectors, or none for a passage this index does not hold.</summary>
    public IReadOnlyList<PassageSentence> SentencesOf(Passage passage) =>
        ordinals.TryGetValue(passage, out var ordinal) ? sentences[ordinal] : [];

    /// <summary>
    /// One text per model run: the encoder pads a batch to its longest text, so a batch of texts of mixed
    /// lengths (paragraphs, sentences) costs more than embedding them one by one (1.1 s against 0.45 s here).
    /// </summary>
    private float[][] EmbedEach(IEnumerable<string> texts) => texts.Select(t => embedder.Embed([t])[0]).ToArray();

    /// <summary>A run of capitalised words (a name such as "Soviet Union" or "Nur-Sultan"), or an acronym.</summary>
    [GeneratedRegex(@"\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*")]
    private static partial Regex NamePhrase();
}
