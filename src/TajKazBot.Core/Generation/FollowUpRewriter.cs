using Microsoft.SemanticKernel;
using TajKazBot.Core.Answering;

namespace TajKazBot.Core.Generation;

/// <summary>
/// Turns a follow-up ("when was that?") into a question that stands alone, with the query-rewrite prompt,
/// so retrieval searches for what the user means. Null when the model gives nothing usable or leaves the
/// question as it was; the plain carry-over of <see cref="FollowUpQuestions"/> is used then.
/// </summary>
public sealed class FollowUpRewriter(ChatModel model, PromptTemplates prompts, AnsweringOptions answering)
{
    public async Task<string?> StandaloneAsync(string question, IReadOnlyList<ConversationTurn> history, ModelBudget budget)
    {
        if (history.Count == 0)
        {
            return null;
        }
        var reply = await model.CompleteAsync(prompts.QueryRewrite, new KernelArguments
        {
            ["history"] = GroundedAnswerer.FormatHistory(history),
            ["question"] = question,
        }, budget);
        var line = reply?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        var cleaned = QuestionAnswerer.Clean(line?.Trim('"', '“', '”', '\'', '`'), answering.MaxQuestionChars, out _);
        return cleaned.Length == 0 || cleaned.Equals(question, StringComparison.OrdinalIgnoreCase) ? null : cleaned;
    }
}
