using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using TajKazBot.Core.Answering;
using TajKazBot.Core.Corpus;
using TajKazBot.Rendering;

namespace TajKazBot.Bots;

/// <summary>Answers each message from the document, remembering the last few turns for follow-up questions.</summary>
public sealed class QaBot(QuestionAnswerer answerer, LoadedCorpus corpus, ConversationState conversationState, ILogger<QaBot> logger)
    : ActivityHandler
{
    public const int RememberedTurns = 5;

    private readonly IStatePropertyAccessor<List<ConversationTurn>> history =
        conversationState.CreateProperty<List<ConversationTurn>>("history");

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
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

        var turns = await history.GetAsync(turnContext, () => [], cancellationToken);
        var answer = await answerer.AnswerAsync(question, turns, cancellationToken);
        logger.LogInformation("Answered {Kind} with {Citations} citations in conversation {ConversationId}",
            answer.Kind, answer.Citations.Count, activity.Conversation?.Id);
        if (answer.Question.Length > 0)
        {
            turns.Add(new ConversationTurn(answer.Question, answer.Text));
            turns.RemoveRange(0, Math.Max(0, turns.Count - RememberedTurns));
        }
        await turnContext.SendActivityAsync(ReplyBuilder.Build(answer, activity.ChannelId), cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        foreach (var member in membersAdded)
        {
            if (member.Id != turnContext.Activity.Recipient?.Id)
            {
                var welcome = MessageFactory.Text(Welcome.Text(corpus));
                welcome.TextFormat = TextFormatTypes.Markdown;
                await turnContext.SendActivityAsync(welcome, cancellationToken);
            }
        }
    }
}
