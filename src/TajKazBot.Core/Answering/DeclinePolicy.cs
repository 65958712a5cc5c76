using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Answering;

/// <summary>
/// The one place that decides whether the document answers a question, from the signals retrieval
/// measured, and if not, why. The tests run from the most specific reason to the most general:
/// a question about now, about something the document never names, far from everything it says, or
/// on its topic but after a detail (a figure, a date, a procedure) that its closest passage lacks.
/// </summary>
public sealed class DeclinePolicy(DeclineOptions options)
{
    public DeclineOptions Options => options;

    public DeclineReason Decide(string question, RetrievalResult retrieval)
    {
        if (retrieval.Passages.Count == 0)
        {
            return DeclineReason.OffTopic;
        }
        // A question about now that the document answers squarely ("is trade still growing?") is answered,
        // marked as dated; one it barely touches ("the weather today") is declined as live data.
        if (AskedDetail.AsksAboutNow(question) && !IsSquarelyOnTopic(retrieval))
        {
            return DeclineReason.LiveData;
        }
        if (retrieval.UnknownNames.Count > 0 && retrieval.Coverage < options.NameCoverage)
        {
            return DeclineReason.UnknownSubject;
        }
        if (AskedDetail.IsTask(question) || !IsClose(retrieval))
        {
            return DeclineReason.OffTopic;
        }
        if (retrieval.UnknownNumbers.Count > 0 || !AskedDetail.Holds(question, retrieval.Passages[0].Passage.Text))
        {
            return DeclineReason.NotStated;
        }
        return DeclineReason.None;
    }

    /// <summary>Close in meaning without the help of shared words (without a semantic stage: sharing half of them).</summary>
    public bool IsSquarelyOnTopic(RetrievalResult retrieval) =>
        retrieval.Similarity is { } similarity ? similarity >= options.StrongSimilarity : retrieval.Coverage >= options.NameCoverage;

    /// <summary>
    /// Close in meaning alone, or close enough and sharing informative words with the best passage;
    /// without a semantic stage, the shared words alone.
    /// </summary>
    public bool IsClose(RetrievalResult retrieval) => retrieval.Similarity is { } similarity
        ? similarity >= options.StrongSimilarity || (similarity >= options.MinSimilarity && retrieval.Coverage >= options.MinCoverage)
        : retrieval.Coverage >= options.MinCoverage;
}
