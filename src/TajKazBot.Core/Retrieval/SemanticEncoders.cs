namespace TajKazBot.Core.Retrieval;

/// <summary>Which sentence encoders a hybrid bot runs, and what each one does.</summary>
public enum SemanticEncoders
{
    /// <summary>
    /// Snowflake arctic-embed-xs alone: one call per question ranks passages and measures whether the document
    /// answers (topic, small talk, names).
    /// </summary>
    Arctic,

    /// <summary>
    /// all-MiniLM-L6-v2 measures whether the document answers (the question without the subject's words) and
    /// arctic-embed-xs ranks: two calls per question, two models loaded.
    /// </summary>
    MiniLMAndArctic,

    /// <summary>all-MiniLM-L6-v2 alone, for ranking and measuring: the smallest, and the weakest ranker.</summary>
    MiniLM,
}
