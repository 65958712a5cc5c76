using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using TajKazBot.Commands;
using TajKazBot.Conversation;
using TajKazBot.Core.Answering;
using TajKazBot.Core.Corpus;
using TajKazBot.Feedback;
using TajKazBot.Hosting;
using TajKazBot.Rendering;

namespace TajKazBot.Bots;

/// <summary>
/// Routes each activity: a question to the answerer, a command to its handler, feedback to the store,
/// an arrival to the welcome. What a conversation remembers is its <see cref="ConversationData"/>.
/// </summary>
public sealed class QaBot(
    QuestionAnswerer answerer,
    CommandHandler commands,
    ConversationStore conversations,
    ReplySender replies,
    SuggestedQuestions suggested,
    LoadedCorpus corpus,
    IFeedbackStore feedback,
    BotTelemetry telemetry,
    TeamsStreaming streaming,
    ILogger<QaBot> logger)
    : ActivityHandler
{
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var succeeded = false;
        try
        {
            await base.OnTurnAsync(turnContext, cancellationToken);
            succeeded = true;
        }
        finally
        {
            telemetry.RecordTurn(turnContext.Activity?.Type, succeeded, started);
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        activity.RemoveRecipientMention();
        var question = activity.Text ?? "";
        if (string.IsNullOrWhiteSpace(question) && activity.Attachments is { Count: > 0 })
        {
            await turnContext.SendActivityAsync("I can only read text. Please type your question.", cancellationToken: cancellationToken);
            return;
        }
        var state = await conversations.ReadAsync(activity, cancellationToken);
        if (BotCommand.Parse(question) is { } command)
        {
            var reply = await commands.RunAsync(command, state.Last);
            await replies.CommandAsync(turnContext, reply, cancellationToken);
            if (reply.Answer is { Citations.Count: > 0 } shown)
            {
                await conversations.UpdateAsync(activity, state, s => s.Showed(shown), cancellationToken);
            }
            return;
        }

        // In a Teams personal chat with a model, the written answer streams; elsewhere a typing indicator shows.
        var stream = await streaming.StartAsync(turnContext, cancellationToken);
        if (stream is null)
        {
            await replies.TypingAsync(turnContext, cancellationToken);
        }
        var answer = await telemetry.TimeRetrievalAsync(() => answerer.AnswerAsync(question, state.History, stream is null ? null : stream.UpdateAsync, cancellationToken));
        telemetry.CountAnswer(answer);
        logger.LogDebug("Answered {Kind} with {Citations} citations in conversation {ConversationId}",
            answer.Kind, answer.Citations.Count, activity.Conversation?.Id);
        var sent = await replies.AnswerAsync(turnContext, answer, cancellationToken, stream);
        await conversations.UpdateAsync(activity, state, s => s.Remember(answer, sent?.Id), cancellationToken);
        var (lead, suggestions) = await suggested.AfterAsync(answer);
        await replies.FollowUpsAsync(turnContext, lead, suggestions, cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var botId = turnContext.Activity.Recipient?.Id;
        // Teams announces the bot's own arrival with an installationUpdate too, which gets the welcome.
        var botAdded = membersAdded.Any(m => m.Id == botId);
        if (botAdded && string.Equals(turnContext.Activity.ChannelId, ReplyBuilder.TeamsChannel, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        if (membersAdded.Any(m => m.Id != botId))
        {
            await SendWelcomeAsync(turnContext, cancellationToken);
        }
    }

    protected override async Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        await SendWelcomeAsync(turnContext, cancellationToken);

    protected override async Task OnInstallationUpdateActivityAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // The Agents Playground sends installationUpdate without an action; treat it as an install, as Teams' "add".
        if (string.IsNullOrEmpty(turnContext.Activity.Action))
        {
            await SendWelcomeAsync(turnContext, cancellationToken);
            return;
        }
        await base.OnInstallationUpdateActivityAsync(turnContext, cancellationToken);
    }

    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (!FeedbackInvoke.IsFeedback(activity, out var form))
        {
            return await base.OnInvokeActivityAsync(turnContext, cancellationToken);
        }
        if (form is null)
        {
            return new InvokeResponse { Status = 400 };
        }
        var state = await conversations.ReadAsync(activity, cancellationToken);
        var (question, kind) = state.Judged(activity.ReplyToId);
        await feedback.RecordAsync(new FeedbackRecord(DateTimeOffset.UtcNow, form.Reaction, form.Text, question, kind,
            activity.Conversation?.Id, activity.ReplyToId, activity.ChannelId), cancellationToken);
        return new InvokeResponse { Status = 200 };
    }

    private async Task SendWelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        await replies.CommandAsync(turnContext, CommandReply.Markdown(Welcome.Text(corpus), await suggested.ExamplesAsync()), cancellationToken);
}
