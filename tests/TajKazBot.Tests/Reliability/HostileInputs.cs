using System.Text;
using System.Text.Json.Nodes;

namespace TajKazBot.Tests.Reliability;

/// <summary>
/// Generates what an attacker or a broken client sends to <c>/api/messages</c>: markup, control and
/// format characters, query syntax, huge words, commands with hostile arguments, feedback of every shape,
/// activities missing or mistyping fields, and bodies that are not activities at all. Seeded, so a failure
/// can be replayed.
/// </summary>
public sealed class HostileInputs(int seed)
{
    public const string ServiceUrl = "http://127.0.0.1:9/";

    private static readonly string[] Pieces =
    [
        "[click here](http://evil.example)", "![x](http://evil.example/p.png)", "<img src=x onerror=alert(1)>",
        "<script>alert(document.cookie)</script>", "javascript:alert(1)", "\u0000\u0007\u001b[2J", "\u202Egnp.exe",
        "👨‍👩‍👧 👍🏽", "\uD800", "trade AND (x", "cotton~ [a TO z]", "*", "\"unclosed", "' OR 1=1 --", "{0} %s %n $(reboot)",
        "../../etc/passwd", "null", "   \t\n  ", "<at>TajKazBot</at>", "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚o̶", "التجارة بين البلدين", "两国贸易",
        "What do Tajikistan and Kazakhstan trade?", "When was that?", "embassy", "1991", "http://169.254.169.254/latest/meta-data",
        "**bold** _it_ `code` # heading\n- list", "&lt;b&gt;", "\r\n\r\n", "{\"feedbackText\": {}}",
    ];

    private static readonly string[] Commands = ["topic ", "source ", "more", "help", "topics", "/help", "source -1", "source 99999999999999999999", "topic 0", "topic 999"];

    private static readonly string[] Channels = ["emulator", "msteams", "webchat", "directline", "slack", ""];

    private readonly Random random = new(seed);

    /// <summary>One request: a content type (null for none) and a body.</summary>
    public (string? ContentType, string Body) Next()
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 60 => ("application/json", Message().ToJsonString()),
            < 70 => ("application/json", Feedback().ToJsonString()),
            < 85 => ("application/json", Malformed().ToJsonString()),
            < 90 => ("application/json", Update().ToJsonString()),
            _ => NotAnActivity(),
        };
    }

    private string Text()
    {
        var text = new StringBuilder();
        if (random.Next(4) == 0)
        {
            text.Append(Commands[random.Next(Commands.Length)]);
        }
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]).Append(' ');
        }
        switch (random.Next(20))
        {
            case 0:
                text.Append(new string('a', random.Next(1000, 20_000)));
                break;
            case 1:
                text.Append(string.Join(' ', Enumerable.Range(0, random.Next(500, 3000)).Select(i => "word" + i)));
                break;
        }
        return text.ToString();
    }

    private string ConversationId() => random.Next(10) switch
    {
        0 => new string('c', random.Next(400, 2000)),
        1 => "conv/../" + Pieces[random.Next(Pieces.Length)],
        2 => "a:b;c=d|e",
        _ => $"fuzz-{seed}-{random.Next(200)}",
    };

    private JsonObject Message()
    {
        var activity = Support.Activities.Message(Text(), ServiceUrl, ConversationId(), Channels[random.Next(Channels.Length)], deliveryMode: "expectReplies");
        if (random.Next(5) == 0)
        {
            activity["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>TajKazBot</at>", ["mentioned"] = new JsonObject { ["id"] = "bot-1" } });
        }
        if (random.Next(8) == 0)
        {
            activity["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "image/png", ["contentUrl"] = "http://169.254.169.254/x" });
        }
        return activity;
    }

    private JsonObject Feedback()
    {
        var invoke = Support.Activities.Message("", ServiceUrl, ConversationId(), "msteams");
        invoke["type"] = "invoke";
        invoke["name"] = random.Next(5) == 0 ? "adaptiveCard/action" : "message/submitAction";
        JsonNode? feedback = random.Next(6) switch
        {
            0 => new JsonObject { ["feedbackText"] = new JsonObject { ["x"] = 1 } },
            1 => JsonValue.Create(42),
            2 => new JsonArray(1, 2),
            3 => JsonValue.Create("{\"feedbackText\":\"" + new string('f', random.Next(10, 5000)) + "\"}"),
            4 => null,
            _ => JsonValue.Create(Text()),
        };
        JsonNode? actionValue = random.Next(6) == 0 ? JsonValue.Create("not an object") : new JsonObject
        {
            ["reaction"] = random.Next(4) == 0 ? new JsonArray() : JsonValue.Create(random.Next(2) == 0 ? "like" : "dislike\u0007"),
            ["feedback"] = feedback,
        };
        invoke["value"] = random.Next(8) == 0 ? JsonValue.Create("x") : new JsonObject
        {
            ["actionName"] = random.Next(8) == 0 ? new JsonObject() : JsonValue.Create("feedback"),
            ["actionValue"] = actionValue,
        };
        return invoke;
    }

    private JsonObject Malformed()
    {
        var activity = Message();
        switch (random.Next(10))
        {
            case 0:
                activity.Remove(new[] { "conversation", "recipient", "from", "channelId", "type", "serviceUrl" }[random.Next(6)]);
                break;
            case 1:
                activity["conversation"] = "not an object";
                break;
            case 2:
                activity["from"] = 5;
                break;
            case 3:
                activity["text"] = new JsonObject { ["a"] = new JsonArray(1) };
                break;
            case 4:
                activity["timestamp"] = "yesterday";
                break;
            case 5:
                activity["entities"] = "x";
                break;
            case 6:
                activity["type"] = random.Next(2) == 0 ? "foo" : "";
                break;
            case 7:
                activity["serviceUrl"] = random.Next(2) == 0 ? "not a url" : "http://169.254.169.254/";
                break;
            case 8:
                activity["conversation"]!["id"] = new string('x', 10 * 1024);
                break;
            default:
                activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = new JsonArray() } };
                break;
        }
        return activity;
    }

    private JsonObject Update()
    {
        var update = Support.Activities.MembersAdded(ServiceUrl, ConversationId(), Channels[random.Next(Channels.Length)]);
        if (random.Next(2) == 0)
        {
            update["type"] = "installationUpdate";
            update["action"] = random.Next(3) switch { 0 => "add", 1 => "remove", _ => Text() };
        }
        return update;
    }

    private (string?, string) NotAnActivity() => random.Next(6) switch
    {
        0 => ("text/plain", "hello"),
        1 => (null, "{}"),
        2 => ("application/json", "[1,2,3]"),
        3 => ("application/json", ""),
        4 => ("application/json", "{\"type\":\"message\",\"text\":" + string.Concat(Enumerable.Repeat("[", 100)) + "]"),
        _ => ("application/xml", "<activity/>"),
    };
}
