using System.Net.Http.Headers;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace TajKazBot.Hosting;

/// <summary>
/// Everything <c>/api/messages</c> checks before the adapter and the bot see a request, cheapest first:
/// in local mode the caller's address (403), otherwise that there is a token at all (401), content type (415), size (413, from the header or while
/// reading), shape of the activity (400), where replies would go (403) and the token (401, within
/// <see cref="EndpointSettings.AuthenticationTimeout"/>).
/// The adapter still authenticates as it always does; by then the metadata is cached, so that costs little.
/// </summary>
public sealed class ActivityGate(IOptions<EndpointSettings> options, BotFrameworkAuthentication authentication, IConfiguration configuration)
{
    private readonly EndpointSettings settings = options.Value;
    private readonly TokenCheck token = new(authentication, options.Value.AuthenticationTimeout);

    /// <summary>Without an app id nobody is authenticated: the Emulator and the Agents Playground on one machine.</summary>
    private bool LocalMode { get; } = IsLocalMode(configuration);

    public static bool IsLocalMode(IConfiguration configuration) => string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);

    public async Task<GateVerdict> CheckAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (LocalMode && !settings.AllowUnauthenticatedRemote && request.HttpContext.Connection.RemoteIpAddress is { } caller && !System.Net.IPAddress.IsLoopback(caller))
        {
            return GateVerdict.Refuse(StatusCodes.Status403Forbidden, "Without an app id, only this machine may call the bot.");
        }
        var authHeader = request.Headers.Authorization.ToString();
        if (!LocalMode && string.IsNullOrWhiteSpace(authHeader))
        {
            // Checked before the body is read: a request that cannot be authenticated costs nothing.
            return GateVerdict.Refuse(StatusCodes.Status401Unauthorized, "No Authorization header.");
        }
        if (!IsJson(request.ContentType))
        {
            return GateVerdict.Refuse(StatusCodes.Status415UnsupportedMediaType, "The body must be JSON (Content-Type: application/json).");
        }
        if (request.ContentLength > settings.MaxRequestBytes
            || await RequestBody.ReadAsync(request, settings.MaxRequestBytes, cancellationToken) is not { } body)
        {
            return GateVerdict.Refuse(StatusCodes.Status413PayloadTooLarge, $"The body is over {settings.MaxRequestBytes} bytes.");
        }
        if (ActivityShape.Parse(body) is not { } json)
        {
            return GateVerdict.Refuse(StatusCodes.Status400BadRequest, "The body is not a JSON object.");
        }
        if (ActivityShape.Problem(json, settings.MaxConversationIdChars) is { } problem)
        {
            return GateVerdict.Refuse(StatusCodes.Status400BadRequest, problem);
        }
        Activity activity;
        try
        {
            activity = json.ToObject<Activity>() ?? throw new JsonSerializationException("null activity");
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or FormatException or InvalidCastException or InvalidOperationException)
        {
            return GateVerdict.Refuse(StatusCodes.Status400BadRequest, "The body is not a valid Bot Framework activity.");
        }
        if (LocalMode && !IsAllowedLocalServiceUrl(new Uri(activity.ServiceUrl)))
        {
            return GateVerdict.Refuse(StatusCodes.Status403Forbidden, "Without an app id, replies go only to a loopback serviceUrl or one in Endpoint:AllowedServiceHosts.");
        }
        // In local mode a request without a token passes; one with a token still has it checked.
        if (!string.IsNullOrWhiteSpace(authHeader) && await token.FailureAsync(activity, authHeader, cancellationToken) is { } failure)
        {
            return GateVerdict.Refuse(StatusCodes.Status401Unauthorized, failure);
        }
        return GateVerdict.Admit(activity, body);
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType is { } media
        && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private bool IsAllowedLocalServiceUrl(Uri serviceUrl) =>
        serviceUrl.IsLoopback || settings.AllowedServiceHosts.Contains(serviceUrl.Host, StringComparer.OrdinalIgnoreCase);
}
