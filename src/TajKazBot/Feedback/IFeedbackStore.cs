namespace TajKazBot.Feedback;

/// <summary>Where users' 👍/👎 verdicts are kept: a local file, or a Redis stream shared by every instance.</summary>
public interface IFeedbackStore
{
    /// <summary>Keeps one verdict. Never fails the user's click: a verdict that cannot be stored is logged.</summary>
    Task RecordAsync(FeedbackRecord record, CancellationToken cancellationToken);

    /// <summary>Every verdict kept, oldest first.</summary>
    IAsyncEnumerable<FeedbackRecord> ReadAllAsync(CancellationToken cancellationToken);
}
