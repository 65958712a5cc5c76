using System.ComponentModel.DataAnnotations;
using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Answering;

/// <summary>
/// The thresholds of the decline policy. Defaults are chosen by 5-fold cross-validation on the dev set
/// (<c>eval --cv 5</c>), not by fitting the whole set; the similarities are on the scale of the encoder that
/// measures, and default to its thresholds (<see cref="EncoderThresholds"/>).
/// </summary>
public sealed record DeclineOptions
{
    public const string Section = "Decline";

    /// <summary>
    /// With a semantic stage: a question this close in meaning to some sentence (its subject words left out)
    /// is answered even when it shares no word with the document (a paraphrase).
    /// </summary>
    [Range(0.0, 1.0)] public double StrongSimilarity { get; init; } = EncoderThresholds.Default.StrongSimilarity;

    /// <summary>With a semantic stage: below this similarity nothing in the document is close (off topic).</summary>
    [Range(0.0, 1.0)] public double MinSimilarity { get; init; } = EncoderThresholds.Default.MinSimilarity;

    /// <summary>
    /// Share (0..1) of the question's informative, IDF-weighted words that the best passage must match when
    /// the similarity alone is not strong; the only test without a semantic stage.
    /// </summary>
    [Range(0.0, 1.0)] public double MinCoverage { get; init; } = 0.05;

    /// <summary>A question naming something the document never names is declined unless the best passage covers at least this share of it.</summary>
    [Range(0.0, 1.0)] public double NameCoverage { get; init; } = 0.5;

    /// <summary>With a semantic stage: a short message this close to a small-talk phrase is small talk, even if worded unlike any.</summary>
    [Range(0.0, 1.0)] public double SmallTalkSimilarity { get; init; } = EncoderThresholds.Default.SmallTalkSimilarity;

    /// <summary>The defaults when the given encoders measure.</summary>
    public static DeclineOptions For(SemanticEncoders encoders)
    {
        var thresholds = EncoderThresholds.Of(encoders);
        return new DeclineOptions
        {
            StrongSimilarity = thresholds.StrongSimilarity,
            MinSimilarity = thresholds.MinSimilarity,
            SmallTalkSimilarity = thresholds.SmallTalkSimilarity,
        };
    }
}
