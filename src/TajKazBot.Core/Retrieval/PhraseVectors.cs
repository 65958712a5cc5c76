using System.Security.Cryptography;
using System.Text;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// Vectors of a fixed list of short texts (the small-talk phrases), kept in <c>phrases/</c> in the folder of prebuilt
/// indexes, so that a process, or another host in the same process, reads them instead of running the encoder over
/// every phrase as it starts (about a fifth of a CPU second a start here). The file is named by the encoder and a hash
/// of the texts: other phrasings or another encoder get a file of their own. A file that does not read back whole is
/// embedded and written again; with no folder, or one that cannot be written, the vectors are embedded each time.
/// </summary>
public static class PhraseVectors
{
    /// <summary>The texts' vectors from the folder when saved there, else embedded (<see cref="SemanticIndex.EmbedShortAsync"/>) and saved.</summary>
    public static async Task<float[][]> LoadOrEmbedAsync(string? folder, SemanticIndex semantic, IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var path = folder is null ? null : Path.Combine(folder, "phrases", FileName(semantic.ModelId, texts));
        if (path is not null && TryRead(path, texts.Count) is { } saved)
        {
            return saved;
        }
        var vectors = await semantic.EmbedShortAsync(texts, cancellationToken);
        if (path is not null)
        {
            AtomicFile.TryWrite(path, stream => Write(stream, vectors));
        }
        return vectors;
    }

    public static string FileName(string modelId, IReadOnlyList<string> texts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', texts)));
        return $"{modelId}-{Convert.ToHexStringLower(hash, 0, 8)}.vectors";
    }

    /// <summary>Null when the file is missing, damaged or of another number of texts: the caller embeds them again.</summary>
    private static float[][]? TryRead(string path, int count)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            var saved = SemanticVectorsFile.Read(path);
            return saved.PassageCount == count && saved.Dimensions > 0
                ? Enumerable.Range(0, count).Select(i => saved.Passage(i).ToArray()).ToArray()
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>In the prebuilt index's own vector format, one text a row where passages would be.</summary>
    private static void Write(Stream stream, float[][] vectors)
    {
        var (dimensions, flat) = SemanticVectors.Flatten(vectors);
        SemanticVectorsFile.Write(stream, new SemanticVectors(dimensions, flat, new int[vectors.Length + 1], [], [], [], []));
    }
}
