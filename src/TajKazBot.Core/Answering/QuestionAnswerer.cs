using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Answering;

/// <summary>
/// The path every question takes, from the bot, the CLI and the tests alike:
/// clean the text, retrieve, decide whether the document answers it, answer with passages.
/// </summary>
public sealed class QuestionAnswerer(
    IPassageRetriever retriever,
    ExtractiveAnswerer extractive,
    Declines declines,
    AnsweringOptions options)
{
    public Task<Answer> AnswerAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var cleaned = Clean(question, options.MaxQuestionChars, out var truncated);
        if (cleaned.Length == 0)
        {
            return Task.FromResult(declines.NoQuestion());
        }
        var retrieval = retriever.Retrieve(cleaned, options.RetrieveCount, FollowUpQuestions.Context(cleaned, history));
        var answer = (retrieval.IsAnswerable ? extractive.Answer(cleaned, retrieval) : declines.NotCovered(cleaned, retrieval))
            with { Evidence = retrieval.Evidence };
        if (truncated)
        {
            answer = answer with { Notice = $"Your message was long, so I searched with its first {options.MaxQuestionChars:N0} characters." };
        }
        return Task.FromResult(answer);
    }

    /// <summary>Drops control characters, folds white space, and cuts over-long input.</summary>
    public static string Clean(string? text, int maxChars, out bool truncated)
    {
        var chars = (text ?? "").Select(c => char.IsControl(c) || char.IsWhiteSpace(c) ? ' ' : c).ToArray();
        var folded = string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        truncated = folded.Length > maxChars;
        return truncated ? folded[..maxChars] : folded;
    }
}
