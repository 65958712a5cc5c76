using System.Globalization;
using System.Text.Json;
using TajKazBot.Core.Answering;
using TajKazBot.Core.Evaluation;

namespace TajKazBot.Cli;

/// <summary><c>eval FILE.jsonl [--k N] [--json]</c>: scores a question set with the bot's own answering path.</summary>
public static class EvalCommand
{
    public static async Task<int> RunAsync(QuestionAnswerer answerer, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        string? file = null;
        var k = 10;
        var json = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case "--k" when i + 1 < args.Count && int.TryParse(args[i + 1], out var parsed) && parsed is >= 1 and <= 50:
                    k = parsed;
                    i++;
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal) || file is not null)
                    {
                        await Console.Error.WriteLineAsync($"eval: unexpected argument '{args[i]}'. usage: eval FILE.jsonl [--k N (1..50)] [--json]");
                        return 2;
                    }
                    file = args[i];
                    break;
            }
        }
        if (file is null || !File.Exists(file))
        {
            await Console.Error.WriteLineAsync(file is null ? "usage: eval FILE.jsonl [--k N] [--json]" : $"eval: no such file '{file}'");
            return 2;
        }

        var outcomes = await new Evaluator(answerer).RunAsync(EvalQuestion.Load(file), cancellationToken);
        var metrics = EvalMetrics.Compute(outcomes, k);
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(metrics));
            return 0;
        }
        foreach (var (name, value) in metrics)
        {
            await output.WriteLineAsync($"{name,-28} {value.ToString("0.####", CultureInfo.InvariantCulture)}");
        }
        await output.WriteLineAsync();
        await output.WriteLineAsync("decline trade-off (evidence threshold -> answer_rate, ood_decline_rate):");
        foreach (var (threshold, answerRate, declineRate) in DeclineTradeOff.Curve(outcomes, Enumerable.Range(0, 21).Select(i => i / 40.0)))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {threshold,6:0.000}  {answerRate,6:0.000}  {declineRate,6:0.000}"));
        }
        await output.WriteLineAsync();
        foreach (var outcome in outcomes.Where(o => o.Question.InDomain ? o.FirstCorrectRank is not (>= 1 and <= 3) : o.Answered))
        {
            var verdict = outcome.Question.InDomain
                ? outcome.Answered ? $"correct at rank {outcome.FirstCorrectRank?.ToString(CultureInfo.InvariantCulture) ?? "-"}" : "declined"
                : "answered (should decline)";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"miss {outcome.Question.Id} [{outcome.Question.Kind}] {verdict} (evidence {outcome.Answer.Evidence:0.000}): {outcome.Question.Question}"));
        }
        return 0;
    }
}
