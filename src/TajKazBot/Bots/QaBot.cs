using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using TajKazBot.Core.Answering;
using TajKazBot.Core.Corpus;
using TajKazBot.Feedback;
using TajKazBot.Hosting;
using TajKazBot.Rendering;

namespace TajKazBot.Bots;

/// <summary>Answers each message from the document, remembering the last few turns for follow-up questions.</summary>
public sealed class QaBot(
    QuestionAnswerer answerer,
    LoadedCorpus corpus,
    Commands commands,
    SuggestedQuestions suggested,
    IFeedbackStore feedback,
    ConversationState conversationState,
    BotTelemetry telemetry,
    TeamsStreaming streaming,
    ILogger<QaBot> logger)
    : ActivityHandler
{
    public const int RememberedTurns = 5;

    /// <summary>How many sent answers feedback can still be matched to by message id.</summary>
    public const int RememberedAnswers = 20;

    private readonly IStatePropertyAccessor<List<ConversationTurn>> history =
        conversationState.CreateProperty<List<ConversationTurn>>("history");

    private readonly IStatePropertyAccessor<LastAnswer> lastAnswer =
        conversationState.CreateProperty<LastAnswer>("lastAnswer");

    private readonly IStatePropertyAccessor<List<AnsweredMessage>> answered =
        conversationState.CreateProperty<List<AnsweredMessage>>("answered");

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var succeeded = false;
        try
        {
            await base.OnTurnAsync(turnContext, cancellationToken);
            await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
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
        if (BotCommand.Parse(question) is { } command)
        {
            await RunCommandAsync(turnContext, command, cancellationToken);
            return;
        }

        var stream = await streaming.StartAsync(turnContext, cancellationToken);
        if (stream is null)
        {
            await SendTypingAsync(turnContext, cancellationToken);
        }
        var turns = await history.GetAsync(turnContext, () => [], cancellationToken);
        var answer = await telemetry.TimeRetrievalAsync(() => answerer.AnswerAsync(question, turns, stream is null ? null : stream.UpdateAsync, cancellationToken));
        telemetry.CountAnswer(answer);
        logger.LogInformation("Answered {Kind} with {Citations} citations in conversation {ConversationId}",
            answer.Kind, answer.Citations.Count, activity.Conversation?.Id);
        if (answer.Question.Length > 0)
        {
            turns.Add(new ConversationTurn(answer.Question, answer.Text));
            turns.RemoveRange(0, Math.Max(0, turns.Count - RememberedTurns));
        }
        // Only an answer that shows passages replaces the last one: after small talk or a plain decline,
        // `more` and `source N` still work on the answer before.
        if (answer.Citations.Count > 0)
        {
            await lastAnswer.SetAsync(turnContext, Remember(answer), cancellationToken);
        }
        var sent = await SendAnswerAsync(turnContext, answer, cancellationToken, stream);
        if (!string.IsNullOrEmpty(sent?.Id) && answer.Question.Length > 0)
        {
            var messages = await answered.GetAsync(turnContext, () => [], cancellationToken);
            messages.Add(new AnsweredMessage(sent.Id, answer.Question, answer.Kind));
            messages.RemoveRange(0, Math.Max(0, messages.Count - RememberedAnswers));
        }
        if (answer.Kind == AnswerKind.SmallTalk)
        {
            await SendFollowUpsAsync(turnContext, "You could ask:", await suggested.ExamplesAsync(), cancellationToken);
        }
        else
        {
            // After a decline, questions from the parts of the document closest to what was asked.
            var near = await suggested.NearAsync(answer);
            await SendFollowUpsAsync(turnContext, answer.Kind == AnswerKind.Declined ? "Questions the document can answer:" : "Related questions:",
                near.Count > 0 ? near : await suggested.ExamplesAsync(), cancellationToken);
        }
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var botId = turnContext.Activity.Recipient?.Id;
        // Teams announces the bot's own arrival with an installationUpdate too, which gets the welcome.
        var botAdded = membersAdded.Any(m => m.Id == botId);
        if (botAdded && IsTeams(turnContext))
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
        if (activity.Name == "message/submitAction" && activity.Value is JObject value
            && value["actionName"] is JValue { Type: JTokenType.String } actionName
            && string.Equals((string?)actionName, "feedback", StringComparison.OrdinalIgnoreCase))
        {
            if (FeedbackForm.Read(value["actionValue"]) is not { } form)
            {
                return new InvokeResponse { Status = 400 };
            }
            // Teams names the message judged in replyToId; without it (the Agents Playground), the last answer is meant.
            var messages = await answered.GetAsync(turnContext, () => [], cancellationToken);
            var judged = messages.LastOrDefault(m => m.ActivityId == activity.ReplyToId);
            var last = await lastAnswer.GetAsync(turnContext, () => null!, cancellationToken);
            await feedback.RecordAsync(new FeedbackRecord(
                DateTimeOffset.UtcNow,
                form.Reaction,
                form.Text,
                judged?.Question ?? last?.Question,
                judged?.Kind ?? last?.Kind,
                activity.Conversation?.Id,
                activity.ReplyToId,
                activity.ChannelId), cancellationToken);
            return new InvokeResponse { Status = 200 };
        }
        return await base.OnInvokeActivityAsync(turnContext, cancellationToken);
    }

    private async Task RunCommandAsync(ITurnContext turnContext, BotCommand command, CancellationToken cancellationToken)
    {
        var last = await lastAnswer.GetAsync(turnContext, () => null!, cancellationToken);
        switch (command.Kind)
        {
            case BotCommandKind.Help:
                await SendMarkdownAsync(turnContext, Commands.HelpText(commands.Title), await suggested.ExamplesAsync(), cancellationToken);
                break;
            case BotCommandKind.Topics:
                await turnContext.SendActivityAsync(commands.Topics(), cancellationToken);
                break;
            case BotCommandKind.Topic:
                var (text, subSections) = commands.Topic(command.Argument);
                await SendMarkdownAsync(turnContext, text, await suggested.AboutAsync(subSections), cancellationToken);
                break;
            case BotCommandKind.More:
                if (commands.More(last) is not { } more)
                {
                    await SendMarkdownAsync(turnContext, Commands.NoEarlierAnswer, [], cancellationToken);
                    break;
                }
                if (more.Citations.Count > 0)
                {
                    await lastAnswer.SetAsync(turnContext, last! with
                    {
                        Cited = last.Cited.Concat(more.Citations.Select(c => new CitedPassage(c.Number, c.PassageId, c.Score))).ToList(),
                    }, cancellationToken);
                }
                await SendAnswerAsync(turnContext, more, cancellationToken);
                if (more.Citations.Count > 0)
                {
                    await SendFollowUpsAsync(turnContext, "Want the next passages?", [new Suggestion("more", "more")], cancellationToken);
                }
                break;
            case BotCommandKind.Source:
                if (int.TryParse(command.Argument, out var number) && commands.Source(last, number) is { } source)
                {
                    await SendAnswerAsync(turnContext, source, cancellationToken);
                }
                else
                {
                    await SendMarkdownAsync(turnContext, Commands.NoSuchSource(last, command.Argument), [], cancellationToken);
                }
                break;
        }
    }

    private static LastAnswer Remember(Answer answer) => new(
        answer.Question,
        answer.Kind,
        answer.Citations.Select(c => new CitedPassage(c.Number, c.PassageId, c.Score)).ToList(),
        answer.Ranked.Select(r => new RankedPassage(r.Passage.Id, r.Score, r.MatchedTerms.ToList())).ToList());

    /// <param name="stream">The Teams stream the answer closes, when it was streamed.</param>
    private async Task<ResourceResponse?> SendAnswerAsync(ITurnContext turnContext, Answer answer, CancellationToken cancellationToken, TeamsStream? stream = null)
    {
        var reply = telemetry.Render(() => ReplyBuilder.Build(answer, turnContext.Activity.ChannelId));
        return stream is null ? await turnContext.SendActivityAsync(reply, cancellationToken) : await stream.FinishAsync(reply);
    }

    private static async Task SendFollowUpsAsync(ITurnContext turnContext, string lead, IReadOnlyList<Suggestion> suggestions, CancellationToken cancellationToken)
    {
        if (ReplyBuilder.FollowUps(lead, suggestions, turnContext.Activity.ChannelId, turnContext.Activity.Conversation?.ConversationType) is { } followUps)
        {
            await turnContext.SendActivityAsync(followUps, cancellationToken);
        }
    }

    private static async Task SendMarkdownAsync(ITurnContext turnContext, string text, IReadOnlyList<Suggestion> suggestions, CancellationToken cancellationToken)
    {
        var reply = MessageFactory.Text(text);
        reply.TextFormat = TextFormatTypes.Markdown;
        await turnContext.SendActivityAsync(reply, cancellationToken);
        await SendFollowUpsAsync(turnContext, "Try one of these:", suggestions, cancellationToken);
    }

    private async Task SendWelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        await SendMarkdownAsync(turnContext, Welcome.Text(corpus), await suggested.ExamplesAsync(), cancellationToken);

    /// <summary>
    /// Shows that an answer is on its way. Not for expectReplies, whose replies all come back in one
    /// HTTP response, where a typing indicator would only be noise.
    /// </summary>
    private static async Task SendTypingAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.DeliveryMode != DeliveryModes.ExpectReplies)
        {
            await turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken);
        }
    }

    private static bool IsTeams(ITurnContext turnContext) =>
        string.Equals(turnContext.Activity.ChannelId, ReplyBuilder.TeamsChannel, StringComparison.OrdinalIgnoreCase);
}
