using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace TajKazBot.Hosting;

/// <summary>
/// A request's token checked by Bot Framework's own validation within a time limit. Every way a token can be
/// bad is the sender's problem, answered 401 with the kind of failure; a stalled metadata fetch is cut off by
/// the limit but goes on in the background, shared, so the next request may find the keys cached.
/// </summary>
public sealed class TokenCheck(BotFrameworkAuthentication authentication, TimeSpan timeout)
{
    /// <summary>Null when the token is good, else why it is not.</summary>
    public async Task<string?> FailureAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        try
        {
            var result = await authentication.AuthenticateRequestAsync(activity, authHeader, cancellationToken)
                .WaitAsync(timeout, cancellationToken);
            return result.ClaimsIdentity is { IsAuthenticated: true } ? null : "The token did not authenticate.";
        }
        catch (TimeoutException)
        {
            return $"The token could not be checked within {timeout.TotalSeconds:0.#} s (OpenID metadata unreachable?).";
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return $"The token was refused ({exception.GetType().Name}).";
        }
    }
}
