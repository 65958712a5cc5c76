using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TajKazBot.Tests.Playground;

/// <summary>
/// The real Microsoft 365 Agents Playground (npm package, pinned in tests/playground) in front of the
/// bot, driven as its web page drives it: HTTP calls to its server, and its log websocket
/// (<c>/_ws/log/stream</c>) for every activity that passed between it and the bot, with the HTTP status
/// each got. The chat websocket (<c>/_ws_conversation/v1/conversations/stream</c>) shows what the page renders.
/// </summary>
public sealed partial class AgentsPlayground : IAsyncDisposable
{
    public const string UserId = "user-id-0";

    /// <summary>The name the playground's log gives the bot.</summary>
    private const string BotName = "User Application";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly string workFolder;
    private readonly HttpClient http;
    private readonly ClientWebSocket logSocket = new();
    private readonly ClientWebSocket chatSocket = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<JsonNode> botLog = new();
    private readonly ConcurrentQueue<JsonNode> chat = new();

    private AgentsPlayground(Process process, string workFolder, Uri baseUrl, string conversationId, string channelId)
    {
        this.process = process;
        this.workFolder = workFolder;
        BaseUrl = baseUrl;
        ConversationId = conversationId;
        ChannelId = channelId;
        http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseUrl { get; }

    public string ConversationId { get; }

    public string ChannelId { get; }

    /// <summary>Everything the playground's chat view was told to show, in order.</summary>
    public IReadOnlyList<JsonNode> ChatEvents => chat.ToList();

    /// <summary>Starts the playground's CLI against <paramref name="botEndpoint"/> and connects to its websockets.</summary>
    public static async Task<AgentsPlayground> StartAsync(string packageFolder, Uri botEndpoint, string channelId)
    {
        var cli = Path.Combine(packageFolder, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        var workFolder = Directory.CreateTempSubdirectory("tajkazbot-playground-").FullName;
        var conversationId = $"conv-{channelId}-{Guid.NewGuid():N}"[..24];
        var start = new ProcessStartInfo(NodeTools.Find("node")!)
        {
            // The playground writes devTools/ and logs into its working folder unless told otherwise.
            WorkingDirectory = workFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList =
            {
                cli, "-e", botEndpoint.ToString(), "-c", channelId, "--disable-telemetry", "-p", "0",
                "--conversation-id", conversationId,
            },
        };
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(workFolder, "playground.log");
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");

        var port = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lines = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            lock (lines)
            {
                lines.AppendLine(e.Data);
            }
            if (Listening().Match(e.Data) is { Success: true } match)
            {
                port.TrySetResult(int.Parse(match.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (lines)
                {
                    lines.AppendLine(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => port.TrySetException(new InvalidOperationException($"The playground exited with {process.ExitCode}:\n{lines}"));

        int listening;
        try
        {
            listening = await port.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The playground did not say where it listens within {StartTimeout.TotalSeconds}s:\n{lines}");
        }
        var playground = new AgentsPlayground(process, workFolder, new Uri($"http://127.0.0.1:{listening}/"), conversationId, channelId);
        await playground.ConnectAsync();
        return playground;
    }

    /// <summary>What the page's "install" does: installationUpdate (msteams) and conversationUpdate with the members added.</summary>
    public async Task<HttpResponseMessage> InstallAsync() =>
        await http.PostAsJsonAsync($"_debug/conversation/{ConversationId}/installation", new JsonObject());

    /// <summary>Waits (bounded) for a message from the bot that satisfies <paramref name="match"/>.</summary>
    public async Task<PlaygroundReply> WaitForBotMessageAsync(Func<PlaygroundReply, bool> match, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            var found = BotReplies().FirstOrDefault(r => r.Type == "message" && match(r));
            if (found is not null)
            {
                return found;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"No matching message from the bot within {within.TotalSeconds}s. Bot log:\n{string.Join("\n", botLog)}");
    }

    /// <summary>
    /// Types <paramref name="text"/> into the chat as the page does, and returns the bot's replies once the
    /// bot has answered the playground's POST (the turn is over by then: the bot replies inside the turn).
    /// </summary>
    public async Task<PlaygroundExchange> AskAsync(string text, TimeSpan? within = null)
    {
        var seen = botLog.Count;
        var send = await http.PostAsJsonAsync($"_conversation/v1/conversations/{ConversationId}/messages",
            new JsonObject { ["from"] = new JsonObject { ["id"] = UserId }, ["text"] = text, ["textFormat"] = "plain" });
        if (!send.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The playground refused the message: HTTP {(int)send.StatusCode} {await send.Content.ReadAsStringAsync()}");
        }
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var entries = botLog.Skip(seen).ToList();
            var inbound = entries.FirstOrDefault(e => (string?)e["to"] == BotName
                && (string?)e["request"]?["body"]?["type"] == "message"
                && (string?)e["request"]?["body"]?["text"] == text);
            if (inbound is not null)
            {
                var id = (string?)inbound["request"]!["body"]!["id"];
                var replies = entries.Where(e => (string?)e["from"] == BotName && (string?)e["request"]?["body"]?["replyToId"] == id)
                    .Select(Reply)
                    .ToList();
                return new PlaygroundExchange((int?)inbound["response"]?["statusCode"] ?? 0, replies);
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"The bot did not answer “{text}”. Bot log:\n{string.Join("\n", botLog.Skip(seen))}");
    }

    /// <summary>What Teams' 👍/👎 form sends: the <c>message/submitAction</c> invoke with <c>actionName: feedback</c>.</summary>
    public async Task<HttpResponseMessage> SendFeedbackAsync(string reaction, string feedbackText) =>
        await http.PostAsJsonAsync("_conversation/v1/invoke", new JsonObject
        {
            ["name"] = "message/submitAction",
            ["from"] = new JsonObject { ["id"] = UserId },
            ["conversation"] = new JsonObject { ["id"] = ConversationId },
            ["value"] = new JsonObject
            {
                ["actionName"] = "feedback",
                ["actionValue"] = new JsonObject
                {
                    ["reaction"] = reaction,
                    ["feedback"] = new JsonObject { ["feedbackText"] = feedbackText }.ToJsonString(),
                },
            },
        });

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        logSocket.Abort();
        chatSocket.Abort();
        http.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        try
        {
            Directory.Delete(workFolder, recursive: true);
        }
        catch (IOException)
        {
            // A log file still being closed; the temp folder is cleaned by the OS.
        }
    }

    private IEnumerable<PlaygroundReply> BotReplies() =>
        botLog.Where(e => (string?)e["from"] == BotName).Select(Reply);

    private static PlaygroundReply Reply(JsonNode entry) => new(
        (int?)entry["response"]?["statusCode"] ?? 0,
        entry["request"]!["body"]!,
        entry["response"]?["body"]?["error"]?.ToJsonString());

    private async Task ConnectAsync()
    {
        var ws = new UriBuilder(BaseUrl) { Scheme = "ws" };
        await logSocket.ConnectAsync(new Uri(ws.Uri, "_ws/log/stream"), stopping.Token);
        await chatSocket.ConnectAsync(new Uri(ws.Uri, "_ws_conversation/v1/conversations/stream"), stopping.Token);
        _ = ReadAsync(logSocket, frame =>
        {
            if ((string?)frame["logAction"] == "appendLog" && (string?)frame["log"]?["type"] == "bot")
            {
                botLog.Enqueue(frame["log"]!);
            }
        });
        _ = ReadAsync(chatSocket, chat.Enqueue);
    }

    private async Task ReadAsync(ClientWebSocket socket, Action<JsonNode> onFrame)
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, stopping.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                frame.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }
                var text = Encoding.UTF8.GetString(frame.GetBuffer(), 0, (int)frame.Length);
                frame.SetLength(0);
                if (JsonNode.Parse(text) is { } node)
                {
                    onFrame(node);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closed when the playground stops.
        }
    }

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex Listening();
}
