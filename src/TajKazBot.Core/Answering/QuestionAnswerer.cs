using System.Text;
using TajKazBot.Core.Generation;
using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Answering;

/// <summary>
/// The path every question takes, from the bot, the CLI and the tests alike: clean the text, recognise
/// small talk, read it against the conversation, retrieve, let the decline policy decide, and answer
/// with passages — or, when a model is configured, with a written answer grounded in them.
/// </summary>
public sealed class QuestionAnswerer(
    IPassageRetriever retriever,
    ExtractiveAnswerer extractive,
    Declines declines,
    DeclinePolicy policy,
    SmallTalk smallTalk,
    AnsweringOptions options,
    GroundedAnswerer? grounded = null,
    FollowUpRewriter? rewriter = null)
{
    /// <summary>True when a model writes the answers, so there is a written answer to stream.</summary>
    public bool WritesAnswers => grounded is not null;

    public Task<Answer> AnswerAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken) =>
        AnswerAsync(question, history, null, cancellationToken);

    /// <param name="onDraft">
    /// When given and a model writes the answer, called with the answer so far as the model streams it;
    /// the answer returned is the whole one, checked, and is what to show in the end.
    /// </param>
    public async Task<Answer> AnswerAsync(string question, IReadOnlyList<ConversationTurn> history, Func<string, Task>? onDraft,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var cleaned = Clean(question, options.MaxQuestionChars, out var truncated);
        if (cleaned.Length == 0)
        {
            return declines.NoQuestion();
        }
        if (smallTalk.Match(cleaned) is { } chat)
        {
            return SmallTalkAnswer(chat);
        }
        using var budget = grounded is null ? null : new ModelBudget(grounded.Timeout, cancellationToken);
        var followUp = FollowUpQuestions.Of(cleaned, history);
        // A model-rewritten follow-up stands alone, so nothing is carried over; without one, the plain method carries.
        var standalone = followUp is null || rewriter is null || budget is null ? null : await rewriter.StandaloneAsync(cleaned, history, budget);
        var searched = standalone ?? cleaned;
        var retrieval = await retriever.RetrieveAsync(searched, options.RetrieveCount, standalone is null ? followUp : null, cancellationToken);
        if (!policy.IsClose(retrieval) && smallTalk.MatchMeaning(cleaned, retrieval.QuestionVector, policy.Options.SmallTalkSimilarity) is { } meant)
        {
            return SmallTalkAnswer(meant);
        }
        var reason = policy.Decide(searched, retrieval);
        var answer = reason switch
        {
            DeclineReason.None when grounded is not null && budget is not null =>
                await grounded.AnswerAsync(searched, retrieval, history, extractive.Answer(searched, retrieval), budget, onDraft),
            DeclineReason.None => extractive.Answer(searched, retrieval),
            DeclineReason.NotStated or DeclineReason.LiveData when policy.IsClose(retrieval) =>
                declines.For(reason, searched, retrieval, extractive.Answer(searched, retrieval)),
            _ => declines.For(reason, searched, retrieval),
        };
        answer = answer with { Evidence = retrieval.Evidence };
        if (reason == DeclineReason.None && AskedDetail.AsksAboutNow(searched))
        {
            answer = answer with { Notice = $"*{declines.Title}* is a fixed text: this is what it says as of when it was written." };
        }
        if (truncated)
        {
            var cut = $"Your message was long, so I searched with its first {options.MaxQuestionChars:N0} characters.";
            answer = answer with { Notice = answer.Notice is null ? cut : $"{cut} {answer.Notice}" };
        }
        return answer;
    }

    /// <summary>Small talk has no question to search, so it never becomes a turn that follow-ups lean on.</summary>
    private Answer SmallTalkAnswer(SmallTalkIntent intent) =>
        new(AnswerKind.SmallTalk, smallTalk.Reply(intent), [], "", []) { Reason = DeclineReason.SmallTalk };

    /// <summary>
    /// Drops control characters, folds white space, and cuts over-long input. The cut is made while
    /// folding, so a huge message costs no more than its first <paramref name="maxChars"/> characters:
    /// nothing past the cut is split, copied or looked at.
    /// </summary>
    public static string Clean(string? text, int maxChars, out bool truncated)
    {
        var folded = new StringBuilder(Math.Min(text?.Length ?? 0, maxChars));
        var spaceBefore = false;
        truncated = false;
        foreach (var c in text ?? "")
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                spaceBefore = folded.Length > 0;
                continue;
            }
            if (folded.Length + (spaceBefore ? 2 : 1) > maxChars)
            {
                truncated = true;
                break;
            }
            if (spaceBefore)
            {
                folded.Append(' ');
                spaceBefore = false;
            }
            folded.Append(c);
        }
        // Never cut an emoji (a surrogate pair) in half.
        if (truncated && folded.Length > 0 && char.IsHighSurrogate(folded[^1]))
        {
            folded.Length--;
        }
        return folded.ToString();
    }
}
