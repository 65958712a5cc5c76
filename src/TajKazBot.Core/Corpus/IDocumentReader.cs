namespace TajKazBot.Core.Corpus;

/// <summary>Reads one file format into a document: title, headings and paragraphs with their offsets in the text.</summary>
public interface IDocumentReader
{
    /// <summary>File name endings this reader reads (".md", ".txt"), lower case.</summary>
    IReadOnlyList<string> Extensions { get; }

    Document Read(string text, string sourceFile);
}
