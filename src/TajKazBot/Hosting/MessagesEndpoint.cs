using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace TajKazBot.Hosting;

/// <summary>
/// <c>POST /api/messages</c>. The adapter answers 400 for a body that is not an activity, but an
/// activity that is JSON yet malformed (no serviceUrl, a bad URI) fails inside it before any turn
/// starts; that is the sender's error, so it gets 400 too rather than a 500.
/// </summary>
public static class MessagesEndpoint
{
    public static async Task HandleAsync(HttpContext context, IBotFrameworkHttpAdapter adapter, IBot bot, ILoggerFactory loggers)
    {
        try
        {
            await adapter.ProcessAsync(context.Request, context.Response, bot, context.RequestAborted);
        }
        catch (Exception exception) when (!context.Response.HasStarted && IsMalformedActivity(exception))
        {
            loggers.CreateLogger(typeof(MessagesEndpoint)).LogWarning("Rejected a malformed activity: {Reason}", exception.Message);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { error = "The request body is not a valid Bot Framework activity." });
        }
    }

    private static bool IsMalformedActivity(Exception exception) =>
        exception is ArgumentException or UriFormatException or FormatException or System.Text.Json.JsonException
            or Newtonsoft.Json.JsonException or InvalidCastException;
}
