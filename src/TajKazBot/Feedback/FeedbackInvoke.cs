using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace TajKazBot.Feedback;

/// <summary>Teams' 👍/👎 feedback arrives as a <c>message/submitAction</c> invoke whose action is named <c>feedback</c>.</summary>
public static class FeedbackInvoke
{
    /// <summary>
    /// True when the invoke is a feedback submission; <paramref name="form"/> is then its form, or null
    /// when the form cannot be read (the sender gets 400).
    /// </summary>
    public static bool IsFeedback(IInvokeActivity activity, out FeedbackForm? form)
    {
        form = null;
        if (activity.Name != "message/submitAction" || activity.Value is not JObject value
            || value["actionName"] is not JValue { Type: JTokenType.String } actionName
            || !string.Equals((string?)actionName, "feedback", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        form = FeedbackForm.Read(value["actionValue"]);
        return true;
    }
}
