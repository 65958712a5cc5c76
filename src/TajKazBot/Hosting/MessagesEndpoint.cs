using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace TajKazBot.Hosting;

/// <summary>
/// <c>POST /api/messages</c>. <see cref="ActivityGate"/> refuses what the sender got wrong (415, 413, 400,
/// 403, 401) before any work; the adapter then runs the turn. An activity the gate let through but the
/// adapter still finds malformed is the sender's error too, so it gets 400 rather than a 500. A client
/// that hangs up cancels the turn.
/// </summary>
public static class MessagesEndpoint
{
    public static async Task HandleAsync(HttpContext context, IBotFrameworkHttpAdapter adapter, IBot bot, ActivityGate gate, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(MessagesEndpoint));
        var aborted = context.RequestAborted;
        try
        {
            var verdict = await gate.CheckAsync(context.Request, aborted);
            if (!verdict.Admitted)
            {
                logger.LogWarning("Refused a request with {Status}: {Reason}", verdict.Status, verdict.Reason);
                await RefuseAsync(context, verdict.Status, verdict.Reason!);
                return;
            }
            context.Request.Body = new MemoryStream(verdict.Body!, writable: false);
            await adapter.ProcessAsync(context.Request, context.Response, bot, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            logger.LogInformation("The client disconnected; its turn was cancelled");
        }
        catch (Exception exception) when (!context.Response.HasStarted && IsMalformedActivity(exception))
        {
            logger.LogWarning("Refused a malformed activity: {Reason}", exception.Message);
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "The request body is not a valid Bot Framework activity.");
        }
    }

    private static async Task RefuseAsync(HttpContext context, int status, string reason)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { error = reason });
    }

    private static bool IsMalformedActivity(Exception exception) =>
        exception is ArgumentException or UriFormatException or FormatException or System.Text.Json.JsonException
            or Newtonsoft.Json.JsonException or InvalidCastException;
}
