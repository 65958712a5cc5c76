using TajKazBot.Core.Answering;
using TajKazBot.Rendering;

namespace TajKazBot.Cli;

/// <summary><c>ask "question"</c>: prints the answer exactly as the bot would send it.</summary>
public static class AskCommand
{
    public static async Task<int> RunAsync(QuestionAnswerer answerer, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Count == 0)
        {
            await Console.Error.WriteLineAsync("usage: ask \"question\"");
            return 2;
        }
        var answer = await answerer.AnswerAsync(string.Join(' ', args), [], cancellationToken);
        await output.WriteLineAsync(ReplyBuilder.Markdown(answer));
        return 0;
    }
}
