using StackExchange.Redis;
using TajKazBot.Feedback;

namespace TajKazBot.Cli;

/// <summary><c>feedback</c>: prints what users thought of the answers, from the store the bot is configured with (file or Redis).</summary>
public static class FeedbackCommand
{
    public static async Task<int> RunAsync(IFeedbackStore store, TextWriter output, CancellationToken cancellationToken)
    {
        try
        {
            var summary = await FeedbackSummary.BuildAsync(store, cancellationToken);
            await output.WriteAsync(summary.Format());
            return 0;
        }
        catch (RedisException unreachable)
        {
            await Console.Error.WriteLineAsync($"Could not read feedback from Redis: {unreachable.Message}");
            return 1;
        }
    }
}
