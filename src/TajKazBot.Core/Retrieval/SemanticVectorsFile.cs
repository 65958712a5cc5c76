using System.Runtime.InteropServices;
using System.Text;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// <see cref="SemanticVectors"/> on disk: a header of counts, then the arrays as raw little-endian bytes, so
/// reading tens of megabytes is a few bulk reads rather than a parse. A file of the wrong length or header is
/// <see cref="InvalidDataException"/>: the caller rebuilds rather than trusting half a file.
/// </summary>
public static class SemanticVectorsFile
{
    private const string Magic = "TKBVEC01";

    public static void Write(string path, SemanticVectors vectors)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        Write(stream, vectors);
        stream.Flush(flushToDisk: true);
    }

    public static void Write(Stream stream, SemanticVectors vectors)
    {
        using (var header = new BinaryWriter(stream, Encoding.ASCII, leaveOpen: true))
        {
            header.Write(Encoding.ASCII.GetBytes(Magic));
            header.Write(vectors.Dimensions);
            header.Write(vectors.PassageCount);
            header.Write(vectors.SentenceCount);
            header.Write(vectors.NameCount);
        }
        ForEachArray(vectors, bytes => stream.Write(bytes));
    }

    public static SemanticVectors Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var header = new BinaryReader(stream, Encoding.ASCII, leaveOpen: true);
        if (stream.Length < Magic.Length + 16 || Encoding.ASCII.GetString(header.ReadBytes(Magic.Length)) != Magic)
        {
            throw new InvalidDataException($"'{path}' is not a vector file.");
        }
        var (dimensions, passages, sentences, names) = (header.ReadInt32(), header.ReadInt32(), header.ReadInt32(), header.ReadInt32());
        if (dimensions < 0 || passages < 0 || sentences < 0 || names < 0
            || stream.Length != Magic.Length + 16 + 4L * (passages + 1 + 2L * sentences + (long)dimensions * (passages + sentences + names)))
        {
            throw new InvalidDataException($"'{path}' is cut short or does not match its header.");
        }
        var vectors = new SemanticVectors(dimensions, new float[passages * dimensions], new int[passages + 1], new int[sentences], new int[sentences],
            new float[sentences * dimensions], new float[names * dimensions]);
        ForEachArray(vectors, bytes => stream.ReadExactly(bytes));
        if (vectors.SentenceOffsets[0] != 0 || vectors.SentenceOffsets[^1] != sentences)
        {
            throw new InvalidDataException($"'{path}' has sentence offsets that do not add up.");
        }
        return vectors;
    }

    /// <summary>The arrays as raw bytes, in the order the file holds them: writing and reading both follow this one list.</summary>
    private static void ForEachArray(SemanticVectors vectors, Action<Span<byte>> visit)
    {
        visit(MemoryMarshal.AsBytes(vectors.SentenceOffsets.AsSpan()));
        visit(MemoryMarshal.AsBytes(vectors.SentenceStarts.AsSpan()));
        visit(MemoryMarshal.AsBytes(vectors.SentenceEnds.AsSpan()));
        visit(MemoryMarshal.AsBytes(vectors.Passages.AsSpan()));
        visit(MemoryMarshal.AsBytes(vectors.Sentences.AsSpan()));
        visit(MemoryMarshal.AsBytes(vectors.Names.AsSpan()));
    }
}
