using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace TajKazBot.Bots;

/// <summary>CloudAdapter that logs a failed turn and tells the user, so nobody is left without a reply.</summary>
public sealed class AdapterWithErrorHandler : CloudAdapter
{
    public const string FailureMessage = "Sorry, something went wrong while I was answering. Please try again.";

    public AdapterWithErrorHandler(BotFrameworkAuthentication authentication, ILogger<AdapterWithErrorHandler> logger)
        : base(authentication, logger)
    {
        OnTurnError = async (turnContext, exception) =>
        {
            logger.LogError(exception, "Turn failed for activity {ActivityType} in conversation {ConversationId}",
                turnContext.Activity?.Type, turnContext.Activity?.Conversation?.Id);
            try
            {
                await turnContext.SendActivityAsync(FailureMessage);
            }
            catch (Exception sendFailure)
            {
                logger.LogError(sendFailure, "Could not tell the user that the turn failed");
            }
        };
    }
}
