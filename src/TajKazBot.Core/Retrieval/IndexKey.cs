using System.Security.Cryptography;
using System.Text;
using TajKazBot.Core.Corpus;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// The name of a prebuilt index: a hash of everything its contents follow from. The passages are hashed as
/// read from the corpus files, so an edited, added or removed file, another chunking setting or a reader that
/// reads differently all give another key; so do other encoders and another layout of the files.
/// </summary>
public static class IndexKey
{
    /// <summary>Changed whenever what is written changes: Lucene fields or analysis, vector layout, which sentences and names are embedded.</summary>
    private const string Format = "tajkazbot-index-2";

    /// <param name="encoders">The model of each vector file in order (null where that stage is off).</param>
    public static string Compute(IReadOnlyList<Passage> passages, IEnumerable<string?> encoders)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var length = new byte[4];
        void Add(string? value)
        {
            // Length-prefixed, so no two different lists of strings hash the same.
            var bytes = Encoding.UTF8.GetBytes(value ?? "");
            BitConverter.TryWriteBytes(length, value is null ? -1 : bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        Add(Format);
        foreach (var encoder in encoders)
        {
            Add(encoder);
        }
        Add(passages.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var passage in passages)
        {
            Add(passage.Id);
            Add(passage.DocumentTitle);
            Add(passage.SectionPath);
            Add(passage.Text);
            Add(passage.SourceFile);
            Add(passage.DocumentUrl);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 12));
    }
}
