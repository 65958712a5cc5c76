namespace TajKazBot.Core.Corpus;

public sealed record LoadedCorpus(IReadOnlyList<Document> Documents, IReadOnlyList<Passage> Passages)
{
    /// <summary>The top-level sections of every document, in order: what the bot can talk about.</summary>
    public IReadOnlyList<string> Sections { get; } = Documents.SelectMany(d => d.Sections).Distinct().ToList();

    /// <summary>How the bot names what it answers from: the document's title, or a phrase for several.</summary>
    public string Title { get; } = Documents.Count == 1 ? Documents[0].Title : "the documents I was given";
}
