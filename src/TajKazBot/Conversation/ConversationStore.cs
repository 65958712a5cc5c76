using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace TajKazBot.Conversation;

/// <summary>
/// Reads and writes a conversation's <see cref="ConversationData"/> in the configured <see cref="IStorage"/>
/// with optimistic concurrency. Within one instance, <see cref="ConversationTurnLock"/> already runs a
/// conversation's turns one at a time; across instances two turns can read the same version, and the
/// second write then fails on its ETag. The change is applied again to the newer version and written
/// again, so both turns' changes are kept.
/// </summary>
public sealed class ConversationStore(IStorage storage, ILogger<ConversationStore> logger)
{
    /// <summary>Writes tried for one change before it is given up (and logged).</summary>
    public const int MaxAttempts = 3;

    /// <summary>
    /// The ETag of a conversation read as absent: no storage gives it, so a write expecting it succeeds
    /// only while the item is still absent, and two turns that both start a conversation conflict too.
    /// </summary>
    public const string Absent = "absent";

    /// <summary>The key Bot Framework's <c>ConversationState</c> uses, so state stays where it was.</summary>
    public static string Key(IActivity activity) => $"{activity.ChannelId}/conversations/{activity.Conversation?.Id}";

    public async Task<ConversationData> ReadAsync(IActivity activity, CancellationToken cancellationToken)
    {
        var key = Key(activity);
        var items = await storage.ReadAsync([key], cancellationToken);
        return !items.TryGetValue(key, out var value) ? new ConversationData { ETag = Absent }
            // State of another shape (an older version's) is replaced.
            : value as ConversationData ?? new ConversationData { ETag = "*" };
    }

    /// <summary>Applies <paramref name="change"/> to the state read this turn and stores it, again on a newer version if another turn wrote first.</summary>
    public async Task UpdateAsync(IActivity activity, ConversationData read, Action<ConversationData> change, CancellationToken cancellationToken)
    {
        var key = Key(activity);
        var data = read;
        for (var attempt = 1; ; attempt++)
        {
            change(data);
            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { [key] = data }, cancellationToken);
                return;
            }
            catch (ETagConflictException) when (attempt < MaxAttempts)
            {
                logger.LogInformation("Conversation state changed by another turn; applying this turn's change again (attempt {Attempt})", attempt + 1);
                data = await ReadAsync(activity, cancellationToken);
            }
            catch (ETagConflictException)
            {
                logger.LogWarning("Conversation state kept changing under this turn; its change was not stored after {Attempts} attempts", MaxAttempts);
                return;
            }
        }
    }
}
