namespace TajKazBot.Tests.Playground;

/// <summary>One message sent through the playground and what the bot sent back for it.</summary>
/// <param name="BotStatus">The HTTP status the bot answered the playground's POST /api/messages with.</param>
public sealed record PlaygroundExchange(int BotStatus, IReadOnlyList<PlaygroundReply> Replies)
{
    public IReadOnlyList<PlaygroundReply> Messages => Replies.Where(r => r.Type == "message").ToList();

    public PlaygroundReply SingleMessage => Assert.Single(Messages);

    /// <summary>The first message: the answer, before any follow-up questions.</summary>
    public PlaygroundReply Answer => Messages.Count > 0 ? Messages[0] : throw new Xunit.Sdk.XunitException("The bot sent no message.");

    /// <summary>The message after the answer that carries the suggested follow-up questions, if any.</summary>
    public PlaygroundReply? FollowUps => Messages.Skip(1).FirstOrDefault(m => m.Activity["suggestedActions"] is not null);
}
