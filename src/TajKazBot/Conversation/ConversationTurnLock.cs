using Microsoft.Bot.Builder;

namespace TajKazBot.Conversation;

/// <summary>
/// Runs the turns of one conversation one at a time, in arrival order, so concurrent messages cannot
/// read the same state and overwrite each other's changes (50 simultaneous messages then <c>more</c>
/// behave as if sent one by one). Waiting turns are let in first come, first served, as SemaphoreSlim
/// releases its asynchronous waiters. Turns of different conversations still run in parallel, and a
/// conversation's gate is dropped as soon as no turn holds or awaits it, so idle ones cost nothing.
/// </summary>
public sealed class ConversationTurnLock : Microsoft.Bot.Builder.IMiddleware
{
    private readonly Dictionary<string, Gate> gates = new(StringComparer.Ordinal);

    /// <summary>Conversations with a turn running or waiting now (for tests).</summary>
    public int ActiveConversations
    {
        get
        {
            lock (gates)
            {
                return gates.Count;
            }
        }
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var key = $"{turnContext.Activity.ChannelId}/{turnContext.Activity.Conversation?.Id}";
        Gate gate;
        lock (gates)
        {
            if (!gates.TryGetValue(key, out gate!))
            {
                gate = gates[key] = new Gate();
            }
            gate.Users++;
        }
        try
        {
            await gate.Turn.WaitAsync(cancellationToken);
            try
            {
                await next(cancellationToken);
            }
            finally
            {
                gate.Turn.Release();
            }
        }
        finally
        {
            lock (gates)
            {
                if (--gate.Users == 0)
                {
                    gates.Remove(key);
                    gate.Turn.Dispose();
                }
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public int Users { get; set; }
    }
}
