using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace TajKazBot.Hosting;

/// <summary>Whether a body is an activity the bot can work with: a JSON object, not too deep, with the fields the bot relies on.</summary>
public static class ActivityShape
{
    private const int MaxJsonDepth = 64;

    /// <summary>The body as a JSON object, or null when it is not one (or is nested too deep).</summary>
    public static JObject? Parse(byte[] body)
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
    public static string? Problem(JObject activity, int maxConversationIdChars)
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
        if (conversationId.Length > maxConversationIdChars)
        {
            return $"The conversation id is over {maxConversationIdChars} characters.";
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
}
