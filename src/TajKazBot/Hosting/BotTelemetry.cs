using System.Diagnostics;
using System.Diagnostics.Metrics;
using TajKazBot.Core.Answering;
using TajKazBot.Core.Generation;

namespace TajKazBot.Hosting;

/// <summary>
/// The bot's own metrics and spans, on the meter and activity source named <see cref="Name"/>: answers
/// by kind, and how long turns, retrieval and rendering take. The model's part is <see cref="Model"/>.
/// </summary>
public sealed class BotTelemetry : IDisposable
{
    public const string Name = "TajKazBot";

    private readonly ActivitySource source = new(Name);
    private readonly Counter<long> answers;
    private readonly Histogram<double> turnDuration;
    private readonly Histogram<double> retrievalDuration;

    public BotTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        var buckets = new InstrumentAdvice<double> { HistogramBucketBoundaries = ModelTelemetry.SecondsBuckets };
        answers = meter.CreateCounter<long>("tajkazbot.answers", "{answer}", "Questions answered, by answer kind and decline reason");
        turnDuration = meter.CreateHistogram("tajkazbot.turn.duration", "s", "Time of one bot turn, state load and save included", advice: buckets);
        retrievalDuration = meter.CreateHistogram("tajkazbot.retrieval.duration", "s",
            "Time to answer a question (retrieval, ranking, the decline decision; with a model, its time too, see tajkazbot.model.duration)", advice: buckets);
        Model = new ModelTelemetry(meter, source);
    }

    public ModelTelemetry Model { get; }

    /// <summary>
    /// Counts one answer to a question. The single place answer tags are chosen: the decline reason
    /// joins <c>kind</c> here once <see cref="Answer"/> carries it.
    /// </summary>
    public void CountAnswer(Answer answer) =>
        answers.Add(1, new KeyValuePair<string, object?>("kind", answer.Kind.ToString()), new KeyValuePair<string, object?>("reason", answer.Reason.ToString()));

    public void RecordTurn(string? activityType, bool succeeded, long startedTimestamp) =>
        turnDuration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds,
            new("activity_type", activityType ?? "unknown"), new("outcome", succeeded ? "ok" : "failed"));

    /// <summary>Times answering a question, in a <c>retrieval</c> span; the model's calls are child spans of it.</summary>
    public async Task<Answer> TimeRetrievalAsync(Func<Task<Answer>> answering)
    {
        using var span = source.StartActivity("retrieval");
        var started = Stopwatch.GetTimestamp();
        var answer = await answering();
        retrievalDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        span?.SetTag("tajkazbot.answer.kind", answer.Kind.ToString());
        return answer;
    }

    /// <summary>Builds a reply for the channel in a <c>rendering</c> span.</summary>
    public T Render<T>(Func<T> rendering)
    {
        using var span = source.StartActivity("rendering");
        return rendering();
    }

    public void Dispose() => source.Dispose();
}
