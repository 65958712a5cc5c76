using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using TajKazBot.Conversation;

namespace TajKazBot.Hosting;

/// <summary>
/// CloudAdapter that runs one turn per conversation at a time, and logs a failed turn and tells the
/// user, so nobody is left without a reply.
/// </summary>
public sealed class AdapterWithErrorHandler : CloudAdapter
{
    public const string FailureMessage = "Sorry, something went wrong while I was answering. Please try again.";

    public AdapterWithErrorHandler(BotFrameworkAuthentication authentication, ConversationTurnLock turnLock, ILogger<AdapterWithErrorHandler> logger)
        : base(authentication, logger)
    {
        Use(turnLock);
        OnTurnError = async (turnContext, exception) =>
        {
            if (exception is OperationCanceledException)
            {
                // The client hung up (or a reply timed out): nobody is waiting for an apology.
                logger.LogWarning("Turn cancelled for activity {ActivityType} in conversation {ConversationId}",
                    turnContext.Activity?.Type, turnContext.Activity?.Conversation?.Id);
                return;
            }
            if (IsConnectorFailure(exception))
            {
                // Sending failed; sending the apology the same way would only wait as long again.
                logger.LogWarning("Could not reply in conversation {ConversationId}: {Failure}",
                    turnContext.Activity?.Conversation?.Id, exception.Message);
                return;
            }
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

    private static bool IsConnectorFailure(Exception exception) =>
        exception is HttpRequestException or Microsoft.Rest.RestException;
}
