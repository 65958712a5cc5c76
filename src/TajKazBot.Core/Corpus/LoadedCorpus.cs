namespace TajKazBot.Core.Corpus;

public sealed record LoadedCorpus(IReadOnlyList<Document> Documents, IReadOnlyList<Passage> Passages)
{
    /// <summary>The top-level sections of every document, in order: what the bot can talk about.</summary>
    public IReadOnlyList<string> Sections => Documents.SelectMany(d => d.Sections).Distinct().ToList();
}
