using System.Diagnostics;

namespace TajKazBot.Core.Generation;

/// <summary>
/// The time one answer may spend on the model, shared by every call and retry it makes, so a slow or
/// failing model costs the user at most this long before the passages are sent instead.
/// </summary>
public sealed class ModelBudget : IDisposable
{
    private readonly CancellationToken caller;
    private readonly CancellationTokenSource source;
    private readonly TimeSpan total;
    private readonly long started = Stopwatch.GetTimestamp();

    public ModelBudget(TimeSpan total, CancellationToken caller)
    {
        this.total = total;
        this.caller = caller;
        source = CancellationTokenSource.CreateLinkedTokenSource(caller);
        source.CancelAfter(total);
    }

    /// <summary>Cancelled when the budget is spent or the caller gives up.</summary>
    public CancellationToken Token => source.Token;

    public TimeSpan Remaining
    {
        get
        {
            var left = total - Stopwatch.GetElapsedTime(started);
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>True when the caller, not the budget, cancelled: then the answer is not wanted at all.</summary>
    public bool CallerCancelled => caller.IsCancellationRequested;

    public void Dispose() => source.Dispose();
}
