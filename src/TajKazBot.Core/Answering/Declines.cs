using TajKazBot.Core.Corpus;
using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Answering;

/// <summary>The fixed answers for questions the document does not answer, and for no question at all.</summary>
public sealed class Declines(LoadedCorpus corpus)
{
    public string Title => corpus.Title;

    public string Coverage => corpus.Sections.Count == 0 ? "" : $" It covers: {string.Join("; ", corpus.Sections)}.";

    public Answer NotCovered(string question, RetrievalResult retrieval) => new(
        AnswerKind.Declined,
        $"I couldn't find that in *{Title}*, so I won't guess.{Coverage} Try asking about one of those.",
        [],
        question,
        retrieval.Passages);

    public Answer NoQuestion() => new(
        AnswerKind.Declined,
        $"Please type a question about *{Title}*.{Coverage}",
        [],
        "",
        []);
}
