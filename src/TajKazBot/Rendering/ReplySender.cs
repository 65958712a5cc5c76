using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using TajKazBot.Commands;
using TajKazBot.Core.Answering;
using TajKazBot.Hosting;

namespace TajKazBot.Rendering;

/// <summary>Sends the bot's replies into a turn, each rendered for the turn's channel.</summary>
public sealed class ReplySender(BotTelemetry telemetry)
{
    /// <param name="stream">The Teams stream the answer was written into, which its final message closes.</param>
    public async Task<ResourceResponse?> AnswerAsync(ITurnContext turnContext, Answer answer, CancellationToken cancellationToken, TeamsStream? stream = null)
    {
        var reply = telemetry.Render(() => ReplyBuilder.Build(answer, turnContext.Activity.ChannelId));
        return stream is null ? await turnContext.SendActivityAsync(reply, cancellationToken) : await stream.FinishAsync(reply);
    }

    public async Task CommandAsync(ITurnContext turnContext, CommandReply reply, CancellationToken cancellationToken)
    {
        if (reply.Sections is { } sections)
        {
            await turnContext.SendActivityAsync(SectionsCard(reply.Text ?? "", sections), cancellationToken);
        }
        else if (reply.Answer is { } answer)
        {
            await AnswerAsync(turnContext, answer, cancellationToken);
        }
        else
        {
            var markdown = MessageFactory.Text(reply.Text ?? "");
            markdown.TextFormat = TextFormatTypes.Markdown;
            await turnContext.SendActivityAsync(markdown, cancellationToken);
        }
        await FollowUpsAsync(turnContext, reply.Lead, reply.Suggestions, cancellationToken);
    }

    /// <summary>Suggestions as a short message of their own, where the channel shows them.</summary>
    public async Task FollowUpsAsync(ITurnContext turnContext, string lead, IReadOnlyList<Suggestion> suggestions, CancellationToken cancellationToken)
    {
        if (ReplyBuilder.FollowUps(lead, suggestions, turnContext.Activity.ChannelId, turnContext.Activity.Conversation?.ConversationType) is { } followUps)
        {
            await turnContext.SendActivityAsync(followUps, cancellationToken);
        }
    }

    /// <summary>
    /// Shows that an answer is on its way. Not for expectReplies, whose replies all come back in one
    /// HTTP response, where a typing indicator would only be noise.
    /// </summary>
    public async Task TypingAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.DeliveryMode != DeliveryModes.ExpectReplies)
        {
            await turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken);
        }
    }

    /// <summary>The sections as buttons; each sends <c>topic {section}</c>.</summary>
    private static IMessageActivity SectionsCard(string text, IReadOnlyList<string> sections)
    {
        var card = new HeroCard
        {
            Title = "What the document covers",
            Text = "Pick a section to see what it covers.",
            Buttons = sections.Select(s => new CardAction(ActionTypes.ImBack, title: s, value: $"topic {s}")).ToList(),
        };
        var reply = MessageFactory.Attachment(card.ToAttachment());
        reply.Text = text;
        return reply;
    }
}
