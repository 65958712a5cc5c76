using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace TajKazBot.Feedback;

/// <summary>
/// The 👍/👎 form of a <c>message/submitAction</c> invoke, read defensively: what the user typed is cut to
/// <see cref="MaxTextChars"/> and stripped of control characters, and a field of a shape no channel sends
/// (an object where text belongs) makes the whole form unreadable rather than throwing.
/// </summary>
/// <param name="Reaction">Teams' <c>like</c> or <c>dislike</c>; <c>unknown</c> when not sent.</param>
/// <param name="Text">What the user typed in the feedback box, if anything.</param>
public sealed record FeedbackForm(string Reaction, string? Text)
{
    public const int MaxTextChars = 2000;

    private const int MaxReactionChars = 32;

    /// <summary>The form in an invoke's <c>actionValue</c>, or null when it cannot be read (the sender gets 400).</summary>
    public static FeedbackForm? Read(JToken? actionValue)
    {
        var action = actionValue as JObject;
        if (!TryString(action?["reaction"], out var reaction) || !TryText(action?["feedback"], out var text))
        {
            return null;
        }
        return new FeedbackForm(Clean(reaction, MaxReactionChars) ?? "unknown", text);
    }

    /// <summary>
    /// Teams sends the form as a JSON string <c>{"feedbackText": "…"}</c>; other senders may send the
    /// object itself or plain text. False when the text is there but is not a string.
    /// </summary>
    public static bool TryText(JToken? feedback, out string? text)
    {
        var field = feedback;
        if (feedback is JObject form)
        {
            field = form["feedbackText"];
        }
        else if (feedback?.Type == JTokenType.String && ((string?)feedback)?.TrimStart().StartsWith('{') == true)
        {
            try
            {
                if (JToken.Parse((string)feedback!) is JObject parsed)
                {
                    field = parsed["feedbackText"];
                }
            }
            catch (JsonReaderException)
            {
                // Not JSON after all: plain text that starts with a brace.
            }
        }
        var read = TryString(field, out var raw);
        text = Clean(raw, MaxTextChars);
        return read;
    }

    private static bool TryString(JToken? token, out string? value)
    {
        value = null;
        if (token is null || token.Type == JTokenType.Null)
        {
            return true;
        }
        if (token.Type != JTokenType.String)
        {
            return false;
        }
        value = (string?)token;
        return true;
    }

    /// <summary>Control characters become spaces (line breaks stay), cut to <paramref name="maxChars"/>; null when nothing is left.</summary>
    private static string? Clean(string? text, int maxChars)
    {
        if (text is null)
        {
            return null;
        }
        var clean = new StringBuilder(Math.Min(text.Length, maxChars));
        foreach (var c in text)
        {
            if (clean.Length == maxChars)
            {
                break;
            }
            clean.Append(char.IsControl(c) && c != '\n' ? ' ' : c);
        }
        // Never cut an emoji (a surrogate pair) in half.
        if (clean.Length == maxChars && text.Length > maxChars && char.IsHighSurrogate(clean[^1]))
        {
            clean.Length--;
        }
        var trimmed = clean.ToString().Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }
}
