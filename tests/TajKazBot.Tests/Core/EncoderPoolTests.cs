using Microsoft.Extensions.AI;
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
        // Calls of two texts each, which go straight to an encoder (single texts waiting together may share a call).
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => generator.GenerateAsync(["question", "again"]))));
        both.RemoveParticipant();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => generator.GenerateAsync(["another"]))));

        Assert.Equal(2, encoders.Count);
        Assert.Equal(10, encoders.Sum(e => e.Sentences));
        generator.Dispose();
        generator.Dispose();
        Assert.All(encoders, e => Assert.Equal(1, e.Disposals));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => generator.GenerateAsync(["after disposal"]));
    }

    [Fact]
    public async Task Questions_that_wait_for_a_busy_encoder_are_encoded_together_and_each_gets_its_own_vector()
    {
        var (encoder, generator, first) = Busy();
        using var _ = generator;

        var waiting = Enumerable.Range(1, 5).Select(i => Task.Run(() => generator.GenerateAsync([new string('x', i)]))).ToList();
        while (generator.Waiting < 5)
        {
            await Task.Delay(10);
        }
        encoder.Gate.Set();
        var vectors = await Task.WhenAll(waiting);

        Assert.Equal(5f, (await first)[0].Vector.Span[0]);
        Assert.Equal([1f, 2f, 3f, 4f, 5f], vectors.Select(v => v[0].Vector.Span[0]));
        Assert.Equal([1, 5], encoder.Batches);
    }

    [Fact]
    public async Task A_question_whose_caller_gives_up_while_waiting_is_not_encoded()
    {
        var (encoder, generator, first) = Busy();
        using var _ = generator;
        using var giveUp = new CancellationTokenSource();

        var abandoned = generator.GenerateAsync(["abandoned"], cancellationToken: giveUp.Token);
        var kept = Task.Run(() => generator.GenerateAsync(["kept"]));
        giveUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        encoder.Gate.Set();
        await first;

        Assert.Equal(4f, (await kept)[0].Vector.Span[0]);
        Assert.DoesNotContain("abandoned", encoder.Texts);
    }

    /// <summary>A one-session generator whose encoder is busy with a first call until its gate opens.</summary>
    private static (GatedEncoder Encoder, SentenceEncoderGenerator Generator, Task<GeneratedEmbeddings<Embedding<float>>> First) Busy()
    {
        var encoder = new GatedEncoder();
        var generator = new SentenceEncoderGenerator(_ => encoder, "test", sessions: 1);
        var first = Task.Run(() => generator.GenerateAsync(["first"]));
        Assert.True(encoder.Entered.Wait(TimeSpan.FromSeconds(10)));
        return (encoder, generator, first);
    }

    /// <summary>Holds its first call until the gate opens; a text's vector is its length.</summary>
    private sealed class GatedEncoder : ISentenceEncoder
    {
        public ManualResetEventSlim Entered { get; } = new();
        public ManualResetEventSlim Gate { get; } = new();
        public List<int> Batches { get; } = [];
        public List<string> Texts { get; } = [];

        public float[][] Encode(string[] sentences, CancellationToken cancellationToken = default)
        {
            lock (Batches)
            {
                Batches.Add(sentences.Length);
                Texts.AddRange(sentences);
            }
            Entered.Set();
            Gate.Wait(TimeSpan.FromSeconds(10), cancellationToken);
            return sentences.Select(s => new[] { (float)s.Length }).ToArray();
        }
    }

    private sealed class BlockingEncoder(Barrier barrier) : ISentenceEncoder, IDisposable
    {
        public int Sentences;
        public int Disposals;

        public float[][] Encode(string[] sentences, CancellationToken cancellationToken = default)
        {
            Interlocked.Add(ref Sentences, sentences.Length);
            if (barrier.ParticipantCount > 1 && !barrier.SignalAndWait(TimeSpan.FromSeconds(10), cancellationToken))
            {
                throw new TimeoutException("The other call never ran alongside this one.");
            }
            return sentences.Select(_ => new[] { 1f, 0f }).ToArray();
        }

        public void Dispose() => Interlocked.Increment(ref Disposals);
    }
}
