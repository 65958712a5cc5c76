using System.ComponentModel.DataAnnotations;

namespace TajKazBot.Core.Retrieval;

public sealed record RetrievalOptions
{
    /// <summary>The encoders when the settings name none.</summary>
    public const SemanticEncoders DefaultEncoders = SemanticEncoders.Arctic;

    /// <summary>Weight of a match in the section path relative to one in the passage text.</summary>
    [Range(0.0, 10.0)] public float SectionBoost { get; init; } = 0.1f;

    /// <summary>Weight of a term carried over from the conversation (follow-ups) relative to the question's own.</summary>
    [Range(0.0, 1.0)] public float ContextWeight { get; init; } = 0.75f;

    /// <summary>
    /// Weight of the earlier question's terms for a follow-up with a topic of its own ("what about energy?"):
    /// enough to keep the conversation's subject, too little to pull its old topic back to the top.
    /// </summary>
    [Range(0.0, 1.0)] public float SwitchContextWeight { get; init; } = 0.25f;

    /// <summary>
    /// A name the document does not use is still known when the encoder puts it this close to a name the
    /// document does use ("USSR" and "Soviet Union"); another country of the region is not that close.
    /// On the measuring encoder's scale: by default that encoder's (<see cref="EncoderThresholds"/>).
    /// </summary>
    [Range(0.0, 1.0)] public double AliasSimilarity { get; init; } = EncoderThresholds.Default.AliasSimilarity;

    /// <summary>Terms found in more than this share of passages (the two countries' names) carry no evidence.</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true)] public double UbiquitousTermShare { get; init; } = 0.5;

    /// <summary>Questions are cut to this many distinct terms, so a huge message stays one cheap query.</summary>
    [Range(1, 512)] public int MaxQueryTerms { get; init; } = 64;

    /// <summary>BM25 term-frequency saturation.</summary>
    [Range(0.0, 3.0)] public float K1 { get; init; } = 1.2f;

    /// <summary>BM25 length normalisation (0 = none, 1 = full).</summary>
    [Range(0.0, 1.0)] public float B { get; init; } = 0.4f;

    /// <summary>
    /// Most edits between a question word the index does not know and the document word it is read as
    /// (0 turns typo tolerance off). Words under 8 letters get at most one edit.
    /// </summary>
    [Range(0, 2)] public int MaxTypoEdits { get; init; } = 2;

    /// <summary>Rank passages by meaning as well as by words (sentence embeddings); false gives a lexical-only bot.</summary>
    public bool Semantic { get; init; } = true;

    /// <summary>Weight (0..1) of the normalised semantic score in the fused ranking; the rest goes to normalised BM25.</summary>
    [Range(0.0, 1.0)] public double SemanticWeight { get; init; } = 0.9;

    /// <summary>
    /// Weight of a passage's closeness to the other documents (<see cref="Commonness"/>), subtracted from its
    /// similarity before fusion; no effect on a corpus of one document. 0.35 is what 5-fold cross-validation chose
    /// on the article among the 497 Python documents in every fold (0.3 to 0.4 among 99): recall_at_3 0.887 → 0.952.
    /// Full centring (1) lost more within the article (recall_at_1) than it gained against the others.
    /// </summary>
    [Range(0.0, 1.0)] public double CommonnessWeight { get; init; } = 0.35;

    /// <summary>
    /// Terms in more than this share of passages name the document's subject (the two countries: in 24 of 26
    /// paragraphs); the question's similarity to the document is measured without them.
    /// </summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true)] public double SubjectTermShare { get; init; } = 0.8;

    /// <summary>
    /// The sentence encoders of the semantic stage: arctic-embed-xs alone (one call per question), MiniLM to
    /// measure and arctic-embed-xs to rank (two calls, two models), or MiniLM alone.
    /// </summary>
    [EnumDataType(typeof(SemanticEncoders))] public SemanticEncoders Encoders { get; init; } = DefaultEncoders;

    /// <summary>
    /// arctic-embed-xs runs with its weights quantised to 8 bits (<see cref="Int8Quantization"/>): 2.6 times as fast
    /// a question, the same eval figures; false runs the package's float model.
    /// </summary>
    public bool QuantizedArctic { get; init; } = true;

    /// <summary>The defaults with the given encoders: their alias threshold (the encoders themselves are set by binding).</summary>
    public static RetrievalOptions For(SemanticEncoders encoders) => new() { AliasSimilarity = EncoderThresholds.Of(encoders).AliasSimilarity };

    /// <summary>
    /// True when the question's own vector measures its topic (arctic-embed alone: one call per question); MiniLM
    /// measures the question without the subject's words, a call of its own.
    /// </summary>
    public bool MeasuresWithQuestionVector => Encoders == SemanticEncoders.Arctic;

    /// <summary>True when a second encoder ranks while the first measures.</summary>
    public bool SeparateRanking => Encoders == SemanticEncoders.MiniLMAndArctic;

    /// <summary>
    /// Folder of prebuilt indexes (relative to the project root unless absolute), one sub-folder per
    /// <see cref="IndexKey"/>; empty keeps the index in memory and saves nothing.
    /// </summary>
    public string? IndexPath { get; init; } = ".index";
}
