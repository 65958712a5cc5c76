using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

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
    private const int MaxJsonDepth = 64;

    private readonly EndpointSettings settings = options.Value;

    /// <summary>Without an app id nobody is authenticated: the Emulator and the Agents Playground on one machine.</summary>
    private bool LocalMode { get; } = IsLocalMode(configuration);

    public static bool IsLocalMode(IConfiguration configuration) => string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);

    public async Task<GateVerdict> CheckAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (LocalMode && !settings.AllowUnauthenticatedRemote && request.HttpContext.Connection.RemoteIpAddress is { } caller && !System.Net.IPAddress.IsLoopback(caller))
        {
            return GateVerdict.Refuse(StatusCodes.Status403Forbidden, "Without an app id, only this machine may call the bot.");
        }
        if (!LocalMode && string.IsNullOrWhiteSpace(request.Headers.Authorization))
        {
            // Checked before the body is read: a request that cannot be authenticated costs nothing.
            return GateVerdict.Refuse(StatusCodes.Status401Unauthorized, "No Authorization header.");
        }
        if (!IsJson(request.ContentType))
        {
            return GateVerdict.Refuse(StatusCodes.Status415UnsupportedMediaType, "The body must be JSON (Content-Type: application/json).");
        }
        if (request.ContentLength > settings.MaxRequestBytes)
        {
            return TooLarge();
        }
        if (await ReadBodyAsync(request, cancellationToken) is not { } body)
        {
            return TooLarge();
        }
        if (Parse(body) is not { } json)
        {
            return GateVerdict.Refuse(StatusCodes.Status400BadRequest, "The body is not a JSON object.");
        }
        if (Malformed(json) is { } problem)
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
        if (await AuthenticationFailureAsync(activity, request.Headers.Authorization.ToString(), cancellationToken) is { } failure)
        {
            return GateVerdict.Refuse(StatusCodes.Status401Unauthorized, failure);
        }
        return GateVerdict.Admit(activity, body);
    }

    private GateVerdict TooLarge() =>
        GateVerdict.Refuse(StatusCodes.Status413PayloadTooLarge, $"The body is over {settings.MaxRequestBytes} bytes.");

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType is { } media
        && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>The body, or null when it is over the limit; a chunked body is counted as it arrives.</summary>
    private async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // Kestrel then stops reading past the limit itself, instead of buffering the default 30 MB.
            limit.MaxRequestBodySize = settings.MaxRequestBytes + 1L;
        }
        using var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (body.Length + read > settings.MaxRequestBytes)
                {
                    return null;
                }
                body.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return body.ToArray();
    }

    private static JObject? Parse(byte[] body)
    {
        try
        {
            using var reader = new JsonTextReader(new StreamReader(new MemoryStream(body))) { MaxDepth = MaxJsonDepth, DateParseHandling = DateParseHandling.None };
            return JToken.ReadFrom(reader) as JObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>What the bot relies on and a sender can leave out; each one missing used to fail the turn deep inside.</summary>
    private string? Malformed(JObject activity)
    {
        if (Text(activity["type"]) is null)
        {
            return "The activity has no type.";
        }
        if (Text(activity["channelId"]) is null)
        {
            return "The activity has no channelId.";
        }
        if (Text(activity["serviceUrl"]) is not { } serviceUrl
            || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return "The activity has no http(s) serviceUrl.";
        }
        if (activity["conversation"] is not JObject conversation || Text(conversation["id"]) is not { } conversationId)
        {
            return "The activity has no conversation id.";
        }
        if (conversationId.Length > settings.MaxConversationIdChars)
        {
            return $"The conversation id is over {settings.MaxConversationIdChars} characters.";
        }
        if (conversationId.Any(char.IsControl))
        {
            // The id goes into the URL and headers of every reply, where a line break cannot go.
            return "The conversation id has control characters.";
        }
        if (activity["from"] is not JObject)
        {
            return "The activity has no from.";
        }
        if (activity["recipient"] is not JObject)
        {
            return "The activity has no recipient.";
        }
        return null;
    }

    private static string? Text(JToken? token) =>
        token is { Type: JTokenType.String } && (string?)token is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text : null;

    private bool IsAllowedLocalServiceUrl(Uri serviceUrl) =>
        serviceUrl.IsLoopback || settings.AllowedServiceHosts.Contains(serviceUrl.Host, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Null when the token is good (or, in local mode, absent). Every way a token can be bad is the
    /// sender's problem, answered 401 with the kind of failure; a stalled metadata fetch is cut off by the
    /// timeout but goes on in the background, shared, so the next request finds the keys cached.
    /// </summary>
    private async Task<string?> AuthenticationFailureAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authHeader))
        {
            return LocalMode ? null : "No Authorization header.";
        }
        try
        {
            var result = await authentication.AuthenticateRequestAsync(activity, authHeader, cancellationToken)
                .WaitAsync(settings.AuthenticationTimeout, cancellationToken);
            return result.ClaimsIdentity is { IsAuthenticated: true } ? null : "The token did not authenticate.";
        }
        catch (TimeoutException)
        {
            return $"The token could not be checked within {settings.AuthenticationTimeout.TotalSeconds:0.#} s (OpenID metadata unreachable?).";
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return $"The token was refused ({exception.GetType().Name}).";
        }
    }
}
