using TajKazBot.Core.Answering;
using TajKazBot.Rendering;

namespace TajKazBot.Cli;

/// <summary><c>ask "question"</c>: prints the answer exactly as the bot would send it.</summary>
public static class AskCommand
{
    public static async Task<int> RunAsync(QuestionAnswerer answerer, string question, TextWriter output, CancellationToken cancellationToken)
    {
        var answer = await answerer.AnswerAsync(question, [], cancellationToken);
        await output.WriteLineAsync(ReplyBuilder.Markdown(answer));
        return 0;
    }
}
