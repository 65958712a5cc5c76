using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using TajKazBot.Core.Answering;

namespace TajKazBot.Rendering;

/// <summary>
/// Where written answers are streamed: with a model, in Teams personal chats (Teams streams nowhere else),
/// and not for expectReplies, whose replies all come back at once in the HTTP response.
/// </summary>
public sealed class TeamsStreaming(QuestionAnswerer answerer, IOptions<StreamingSettings> settings, TimeProvider clock, ILogger<TeamsStream> logger)
{
    public bool Applies(Activity activity) =>
        settings.Value.Enabled
        && answerer.WritesAnswers
        && string.Equals(activity.ChannelId, ReplyBuilder.TeamsChannel, StringComparison.OrdinalIgnoreCase)
        && string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase)
        && activity.DeliveryMode != DeliveryModes.ExpectReplies;

    /// <summary>Sends the informative update and returns the stream, or null where answers are sent whole.</summary>
    public async Task<TeamsStream?> StartAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        Applies(turn.Activity) ? await TeamsStream.StartAsync(turn, settings.Value, clock, logger, cancellationToken) : null;
}
