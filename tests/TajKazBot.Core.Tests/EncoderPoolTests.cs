using SentenceTransformers;
using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Tests;

/// <summary>The encoder pool: concurrent calls run on encoders of their own, no more than the pool's size, each freed once.</summary>
public sealed class EncoderPoolTests
{
    [Fact]
    public async Task Concurrent_calls_run_at_once_on_separate_encoders_and_no_more_than_the_pool_holds()
    {
        var encoders = new List<BlockingEncoder>();
        using var both = new Barrier(2);
        using var generator = new SentenceEncoderGenerator(_ =>
        {
            var encoder = new BlockingEncoder(both);
            lock (encoders)
            {
                encoders.Add(encoder);
            }
            return encoder;
        }, "test", sessions: 2);

        // Each call waits at the barrier for the other: with one locked encoder, they could never both get there.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => generator.GenerateAsync(["question"]))));
        both.RemoveParticipant();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => generator.GenerateAsync(["another"]))));

        Assert.Equal(2, encoders.Count);
        Assert.Equal(8, encoders.Sum(e => e.Calls));
        generator.Dispose();
        generator.Dispose();
        Assert.All(encoders, e => Assert.Equal(1, e.Disposals));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => generator.GenerateAsync(["after disposal"]));
    }

    private sealed class BlockingEncoder(Barrier barrier) : ISentenceEncoder, IDisposable
    {
        public int Calls;
        public int Disposals;

        public float[][] Encode(string[] sentences, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Calls);
            if (barrier.ParticipantCount > 1 && !barrier.SignalAndWait(TimeSpan.FromSeconds(10), cancellationToken))
            {
                throw new TimeoutException("The other call never ran alongside this one.");
            }
            return sentences.Select(_ => new[] { 1f, 0f }).ToArray();
        }

        public void Dispose() => Interlocked.Increment(ref Disposals);
    }
}
