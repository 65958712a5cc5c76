namespace TajKazBot.Core.Corpus;

public sealed record LoadedCorpus(IReadOnlyList<Document> Documents, IReadOnlyList<Passage> Passages)
{
    /// <summary>The top-level sections of every document, in order: what the bot can talk about.</summary>
    public IReadOnlyList<string> Sections { get; } = Documents.SelectMany(d => d.Sections).Distinct().ToList();

    /// <summary>How the bot names what it answers from: the document's title, or a phrase for several.</summary>
    public string Title { get; } = Documents.Count == 1 ? Documents[0].Title : "the documents I was given";

    /// <summary>One heading per top-level section (its first sub-section, or the section itself), for example questions.</summary>
    public IReadOnlyList<string> ExampleHeadings { get; } = Passages
        .Select(p => p.Headings)
        .Where(path => path.Count > 0)
        .GroupBy(path => path[0])
        .Select(group => group.First()[^1])
        .Take(3)
        .ToList();

    /// <summary>Example questions as a markdown list, one per line: what the document says about each example heading.</summary>
    public string ExampleList() => string.Join("\n", ExampleHeadings.Select(h => $"- What does the document say about {h}?"));
}
