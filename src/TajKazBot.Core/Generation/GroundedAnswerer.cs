using System.Text;
using Microsoft.SemanticKernel;
using TajKazBot.Core.Answering;
using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Generation;

/// <summary>
/// Writes an answer from the retrieved passages with the grounded-answer prompt, then grounds it in code:
/// an answer citing none of its passages is replaced by the extractive one (or by the decline, when the
/// model says the document does not cover the question), and a failed model by the passages with a notice.
/// </summary>
public sealed partial class GroundedAnswerer(ChatModel model, PromptTemplates prompts, Declines declines, ModelOptions options)
{
    public const string Unavailable = "The written answer is unavailable right now; here are the passages.";

    /// <summary>Earlier turns shown to the model, and how much of each answer.</summary>
    public const int HistoryTurns = 3;
    public const int HistoryAnswerChars = 300;

    public TimeSpan Timeout => model.Timeout;

    /// <param name="extractive">The answer to send instead when the model's cannot be used.</param>
    /// <param name="onDraft">
    /// When given, the model's answer is streamed and this is called with the draft so far, grounded as far as
    /// it goes (<see cref="CitationGrounding.Draft"/>); the answer returned is still the one checked whole.
    /// </param>
    public async Task<Answer> AnswerAsync(string question, RetrievalResult retrieval, IReadOnlyList<ConversationTurn> history,
        Answer extractive, ModelBudget budget, Func<string, Task>? onDraft = null)
    {
        var given = retrieval.Passages.Take(options.Passages).ToList();
        var arguments = new KernelArguments
        {
            ["passages"] = FormatPassages(given),
            ["history"] = FormatHistory(history),
            ["question"] = question,
        };
        var reply = await model.CompleteAsync(prompts.GroundedAnswer, arguments, budget,
            onDraft is null ? null : text => onDraft(CitationGrounding.Draft(text, given)));
        if (reply is null)
        {
            return extractive with { Notice = Unavailable };
        }
        var grounded = CitationGrounding.Ground(reply, given);
        if (grounded.Citations.Count == 0)
        {
            return IsRefusal(reply) ? declines.For(DeclineReason.NotStated, question, retrieval, extractive) : extractive;
        }
        return new Answer(AnswerKind.Generative, grounded.Text, grounded.Citations, question, retrieval.Passages);
    }

    public static string FormatPassages(IReadOnlyList<ScoredPassage> passages)
    {
        var text = new StringBuilder();
        for (var i = 0; i < passages.Count; i++)
        {
            text.Append('[').Append(i + 1).Append("] (").Append(passages[i].Passage.SectionPath).Append(")\n")
                .Append(passages[i].Passage.Text).Append("\n\n");
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>The last few turns, answers shortened and stripped of markers that would name other passages.</summary>
    public static string FormatHistory(IReadOnlyList<ConversationTurn> history)
    {
        if (history.Count == 0)
        {
            return "(none)";
        }
        var text = new StringBuilder();
        foreach (var turn in history.TakeLast(HistoryTurns))
        {
            var answer = TextCut.AtWord(MarkerOrBold().Replace(turn.AnswerText, ""), HistoryAnswerChars);
            text.Append("User: ").Append(turn.Question).Append('\n').Append("Bot: ").Append(answer).Append("\n\n");
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>
    /// The prompt asks for "The document does not cover this."; models word it their own way, so the
    /// common ways of saying it count too. Only consulted for answers that cite nothing.
    /// </summary>
    public static bool IsRefusal(string reply) => Refusal().IsMatch(reply);

    [GeneratedRegex(@"\[\d+\]|\*\*")]
    private static partial Regex MarkerOrBold();

    [GeneratedRegex(@"\b(?:does\s*n[o'’]t|do\s*n[o'’]t|can(?:\s*no|['’])t|unable\s+to)\s+(?:cover|contain|mention|say|answer|include|provide|find|address)|\bnot\s+(?:covered|mentioned|addressed|included|found|stated)\b|\bno\s+information\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Refusal();
}
