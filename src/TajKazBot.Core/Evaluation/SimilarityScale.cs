using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Evaluation;

/// <summary>
/// Where an encoder's cosine similarities lie, as the candidate thresholds cross-validation tries for it. Each
/// encoder has a range of its own: MiniLM spreads questions from 0.1 (unrelated) to 0.8, while arctic-embed-xs,
/// a question (with its query prefix) against the document's sentences, puts them all between about 0.5 and 0.85.
/// </summary>
public sealed record SimilarityScale(double[] Strong, double[] Min, double[] SmallTalk, double[] Alias)
{
    public static SimilarityScale MiniLM { get; } = new([0.35, 0.4, 0.45, 0.5, 0.6], [0.15, 0.2, 0.25, 0.3], [0.8], [0.8, 0.85, 0.9]);

    public static SimilarityScale Arctic { get; } = new([0.7, 0.75, 0.8, 0.85, 0.9], [0.45, 0.5, 0.55, 0.6, 0.65], [0.93], [0.92, 0.94, 0.96]);

    /// <summary>The scale of the encoder that measures with these encoders.</summary>
    public static SimilarityScale Of(SemanticEncoders encoders) => encoders == SemanticEncoders.Arctic ? Arctic : MiniLM;

    /// <summary>The scale cross-validation searches for these settings: the measuring encoder's, or none for a lexical-only bot.</summary>
    public static SimilarityScale? For(RetrievalOptions options) => options.Semantic ? Of(options.Encoders) : null;
}
