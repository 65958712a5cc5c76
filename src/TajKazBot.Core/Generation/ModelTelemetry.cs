using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TajKazBot.Core.Generation;

/// <summary>
/// What the chat model costs and how it fails, on the host's meter and activity source: the latency of
/// each call (tagged with the prompt and whether it produced text) and failures by cause.
/// </summary>
public sealed class ModelTelemetry(Meter meter, ActivitySource source)
{
    /// <summary>Histogram buckets in seconds, from a fast lexical turn (milliseconds) to a slow model (the 20 s budget and beyond).</summary>
    public static IReadOnlyList<double> SecondsBuckets { get; } = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60];

    private readonly Histogram<double> duration = meter.CreateHistogram("tajkazbot.model.duration", "s",
        "Time of one chat-model call, retries included", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });

    private readonly Counter<long> failures = meter.CreateCounter<long>("tajkazbot.model.failures", "{failure}",
        "Chat-model calls that produced no usable text, by cause (timeout, rate_limited, http_error, error, empty)");

    public Activity? StartGeneration(string prompt) => source.StartActivity("generation")?.SetTag("tajkazbot.prompt", prompt);

    public void RecordCall(string prompt, bool succeeded, TimeSpan elapsed) =>
        duration.Record(elapsed.TotalSeconds, new("prompt", prompt), new("outcome", succeeded ? "ok" : "failed"));

    public void CountFailure(string prompt, string cause) => failures.Add(1, new("prompt", prompt), new("cause", cause));
}
