using TajKazBot.Core.Corpus;
using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Answering;

/// <summary>
/// What the bot says when it does not answer from the document, in plain words for each reason. Where the
/// document is on topic (a detail it lacks, a question about now), the closest passages follow, labelled.
/// </summary>
public sealed class Declines(LoadedCorpus corpus)
{
    public const string NotStatedLead = "The document doesn't say exactly; the closest it says:";

    public string Title => corpus.Title;

    public string Coverage => corpus.Sections.Count == 0 ? "" : $" It covers: {string.Join("; ", corpus.Sections)}.";

    /// <param name="closest">The passages to show, as an extractive answer, for reasons that show them.</param>
    public Answer For(DeclineReason reason, string question, RetrievalResult retrieval, Answer? closest = null)
    {
        var lead = reason switch
        {
            DeclineReason.UnknownSubject =>
                $"*{Title}* doesn't mention {string.Join(" or ", retrieval.UnknownNames.Select(n => $"“{n}”"))}, so I can't answer that.{Coverage}",
            DeclineReason.NotStated => NotStatedLead,
            DeclineReason.LiveData => closest is null
                ? $"*{Title}* is a fixed text, so it can't tell you what is happening now, and it says nothing close to this.{Coverage}"
                : $"*{Title}* is a fixed text, so it can't tell you what is current. What it says, as of when it was written:",
            _ => $"I couldn't find that in *{Title}*, so I won't guess.{Coverage} Try asking about one of those.",
        };
        var shows = closest is not null && reason is DeclineReason.NotStated or DeclineReason.LiveData;
        return new Answer(
            AnswerKind.Declined,
            shows ? $"{lead}\n\n{closest!.Text}" : lead,
            shows ? closest!.Citations : [],
            question,
            retrieval.Passages)
        {
            Reason = reason,
            PreciseAnswer = shows ? closest!.PreciseAnswer : null,
        };
    }

    public Answer NoQuestion() => new(
        AnswerKind.Declined,
        $"Please type a question about *{Title}*.{Coverage}",
        [],
        "",
        [])
    {
        Reason = DeclineReason.NoQuestion,
    };
}
