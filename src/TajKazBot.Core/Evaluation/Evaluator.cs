using System.Diagnostics;
using TajKazBot.Core.Answering;

namespace TajKazBot.Core.Evaluation;

/// <summary>Runs a question set through the same <see cref="QuestionAnswerer"/> the bot uses and scores it.</summary>
public sealed class Evaluator(QuestionAnswerer answerer)
{
    public async Task<IReadOnlyList<EvalOutcome>> RunAsync(IReadOnlyList<EvalQuestion> questions, CancellationToken cancellationToken)
    {
        var outcomes = new List<EvalOutcome>();
        foreach (var question in questions)
        {
            var history = new List<ConversationTurn>();
            if (!string.IsNullOrWhiteSpace(question.Context))
            {
                var context = await answerer.AnswerAsync(question.Context, history, cancellationToken);
                if (context.Question.Length > 0)
                {
                    history.Add(new ConversationTurn(context.Question, context.Text));
                }
            }
            var clock = Stopwatch.StartNew();
            var answer = await answerer.AnswerAsync(question.Question, history, cancellationToken);
            var latency = clock.Elapsed.TotalMilliseconds;
            outcomes.Add(new EvalOutcome(question, answer, FirstCorrectRank(question, answer), latency));
        }
        return outcomes;
    }

    /// <summary>The passages the bot would show, ranked: none when it declined.</summary>
    private static int? FirstCorrectRank(EvalQuestion question, Answer answer)
    {
        if (!question.InDomain || answer.Kind is AnswerKind.Declined or AnswerKind.SmallTalk)
        {
            return null;
        }
        for (var i = 0; i < answer.Ranked.Count; i++)
        {
            if (question.IsCorrect(answer.Ranked[i].Passage.Text))
            {
                return i + 1;
            }
        }
        return null;
    }
}
