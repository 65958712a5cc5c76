using System.Runtime.CompilerServices;
using System.Text.Json;
using StackExchange.Redis;
using TajKazBot.Conversation;

namespace TajKazBot.Feedback;

/// <summary>
/// Feedback as entries of one Redis stream (field <c>record</c>: the same JSON as a line of the file), so
/// the verdicts of every instance end up in one place, in order, readable with <c>XRANGE</c> or the
/// <c>feedback</c> verb.
/// </summary>
public sealed class RedisFeedbackStream(IConnectionMultiplexer redis, RedisKeys names, ILogger<RedisFeedbackStream> logger) : IFeedbackStore
{
    private const string RecordField = "record";

    /// <summary>The stream is trimmed (approximately) to this many verdicts, so it cannot grow without bound.</summary>
    public const int MaxEntries = 100_000;

    private const int PageSize = 500;

    public async Task RecordAsync(FeedbackRecord record, CancellationToken cancellationToken)
    {
        logger.LogInformation("Feedback {Reaction} on a {Kind} answer in conversation {ConversationId}", record.Reaction, record.Kind, record.ConversationId);
        try
        {
            await redis.GetDatabase().StreamAddAsync(names.Feedback, RecordField, JsonSerializer.Serialize(record, FeedbackJson.Options),
                maxLength: MaxEntries, useApproximateMaxLength: true);
        }
        catch (RedisException exception)
        {
            // Losing one verdict must not fail the user's click.
            logger.LogError(exception, "Could not add feedback to the Redis stream {Stream}", names.Feedback);
        }
    }

    public async IAsyncEnumerable<FeedbackRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        RedisValue after = "-";
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await database.StreamRangeAsync(names.Feedback, after, "+", PageSize);
            foreach (var entry in page)
            {
                if (entry[RecordField] is { HasValue: true } json && JsonSerializer.Deserialize<FeedbackRecord>(json.ToString(), FeedbackJson.Options) is { } record)
                {
                    yield return record;
                }
            }
            if (page.Length < PageSize)
            {
                yield break;
            }
            // An exclusive start ("(id") continues after the last entry read.
            after = "(" + page[^1].Id;
        }
    }
}
