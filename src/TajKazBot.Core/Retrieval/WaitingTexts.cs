using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace TajKazBot.Core.Retrieval;

/// <summary>Single texts waiting for an encoder, each with the vector its caller awaits, taken in batches.</summary>
internal sealed class WaitingTexts
{
    /// <summary>Texts per batch, in the bot's meter (<c>TajKazBot</c>): how much batching there is under load.</summary>
    private static readonly Histogram<int> Batches = new Meter("TajKazBot").CreateHistogram<int>(
        "tajkazbot.encoder.batch", "{text}", "Single texts (questions) encoded together in one model call");

    private readonly ConcurrentQueue<(string Text, TaskCompletionSource<float[]> Vector)> queue = new();

    public int Count => queue.Count;

    public TaskCompletionSource<float[]> Add(string text)
    {
        var vector = new TaskCompletionSource<float[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        queue.Enqueue((text, vector));
        return vector;
    }

    /// <summary>Up to <paramref name="most"/> waiting texts, in order, leaving out those whose callers stopped waiting.</summary>
    public List<(string Text, TaskCompletionSource<float[]> Vector)> Take(int most)
    {
        var batch = new List<(string Text, TaskCompletionSource<float[]> Vector)>();
        while (batch.Count < most && queue.TryDequeue(out var next))
        {
            if (!next.Vector.Task.IsCompleted)
            {
                batch.Add(next);
            }
        }
        if (batch.Count > 0)
        {
            Batches.Record(batch.Count);
        }
        return batch;
    }
}
