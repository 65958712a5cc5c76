namespace TajKazBot.Core.Retrieval;

/// <summary>
/// The similarity thresholds on the scale of the encoder that measures, each chosen by <c>eval --cv 5</c> with that
/// encoder measuring: cosine similarities mean different things from one encoder to another (arctic-embed-xs puts
/// unrelated text far closer than MiniLM does), so a threshold is only meaningful with its encoder.
/// The defaults of <see cref="RetrievalOptions.AliasSimilarity"/> and of the decline thresholds follow the configured
/// <see cref="RetrievalOptions.Encoders"/>; a setting overrides them.
/// </summary>
public sealed record EncoderThresholds(double StrongSimilarity, double MinSimilarity, double SmallTalkSimilarity, double AliasSimilarity)
{
    /// <summary>MiniLM, measuring the question without the subject's words ("USSR" and "Soviet Union": 0.91; "Uzbekistan" and "Kazakhstan": 0.70).</summary>
    public static EncoderThresholds MiniLM { get; } = new(0.5, 0.2, 0.8, 0.85);

    /// <summary>arctic-embed-xs, measuring with the question's own vector ("USSR" and "Soviet": 0.99; "Uzbekistan" and "Tajikistan": 0.90).</summary>
    public static EncoderThresholds Arctic { get; } = new(0.85, 0.5, 0.93, 0.94);

    /// <summary>The thresholds of the encoder that measures with these encoders.</summary>
    public static EncoderThresholds Of(SemanticEncoders encoders) => encoders == SemanticEncoders.Arctic ? Arctic : MiniLM;

    /// <summary>The thresholds of the default encoders.</summary>
    public static EncoderThresholds Default => Of(RetrievalOptions.DefaultEncoders);
}
