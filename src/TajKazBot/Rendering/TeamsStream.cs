using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace TajKazBot.Rendering;

/// <summary>
/// One answer streamed with Teams' protocol: an informative <c>typing</c> update, then <c>typing</c> updates
/// carrying the whole text so far, at most one per <see cref="StreamingSettings.UpdateInterval"/>, then the
/// final <c>message</c>. Each carries a <c>streaminfo</c> entity; the id Teams gives the first becomes the
/// <c>streamId</c> of the rest, and <c>streamSequence</c> counts the updates from 1.
/// An update that fails ends the updates, not the answer: the final message still carries all of it, and
/// without a <c>streamId</c> (the informative update failed) it goes as a message of its own.
/// </summary>
public sealed class TeamsStream
{
    public const string EntityType = "streaminfo";

    private readonly ITurnContext turn;
    private readonly TimeSpan interval;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly CancellationToken cancellationToken;
    private string? streamId;
    private int sequence;
    private long lastSent;
    private string lastText = "";
    private bool updating = true;

    private TeamsStream(ITurnContext turn, TimeSpan interval, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        this.turn = turn;
        this.interval = interval;
        this.clock = clock;
        this.logger = logger;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>Opens the stream with the informative update.</summary>
    public static async Task<TeamsStream> StartAsync(ITurnContext turn, StreamingSettings settings, TimeProvider clock, ILogger logger,
        CancellationToken cancellationToken)
    {
        var stream = new TeamsStream(turn, settings.UpdateInterval, clock, logger, cancellationToken);
        await stream.SendUpdateAsync("informative", settings.Informative);
        return stream;
    }

    /// <summary>The text so far, sent when the last update is at least the interval old; otherwise it waits for the next.</summary>
    public async Task UpdateAsync(string text)
    {
        if (streamId is null || !updating || text.Length == 0 || text == lastText || clock.GetElapsedTime(lastSent) < interval)
        {
            return;
        }
        await SendUpdateAsync("streaming", text);
    }

    /// <summary>
    /// Sends <paramref name="reply"/> as the stream's final message. Its id is the stream's: Teams shows the
    /// streamed message and the final one as one message, the one feedback will name.
    /// </summary>
    public async Task<ResourceResponse?> FinishAsync(IMessageActivity reply)
    {
        if (streamId is not null)
        {
            reply.Entities = [.. reply.Entities ?? [], Entity("final", null)];
        }
        var sent = await turn.SendActivityAsync(reply, cancellationToken);
        return streamId is null ? sent : new ResourceResponse(streamId);
    }

    private async Task SendUpdateAsync(string streamType, string text)
    {
        sequence++;
        var update = new Activity
        {
            Type = ActivityTypes.Typing,
            Text = text,
            Entities = [Entity(streamType, sequence)],
        };
        try
        {
            var sent = await turn.SendActivityAsync(update, cancellationToken);
            streamId ??= sent?.Id;
            lastSent = clock.GetTimestamp();
            lastText = text;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Teams refuses updates, for one when the user pressed stop; the final message still comes.
            logger.LogWarning("Streaming update {Sequence} failed ({Failure}); the answer comes whole", sequence, e.GetType().Name);
            updating = false;
        }
    }

    private Entity Entity(string streamType, int? streamSequence)
    {
        var properties = new JObject { ["streamType"] = streamType };
        if (streamId is not null)
        {
            properties["streamId"] = streamId;
        }
        if (streamSequence is { } number)
        {
            properties["streamSequence"] = number;
        }
        return new Entity(EntityType) { Properties = properties };
    }
}
