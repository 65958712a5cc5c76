using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TajKazBot.Tests.Support;

/// <summary>
/// A loopback server that speaks the OpenAI chat-completions protocol at <c>{BaseUrl}/chat/completions</c>
/// (and Azure's <c>/openai/deployments/{d}/chat/completions</c>), answering each request with <see cref="Respond"/>
/// and recording what it was sent. A request with <c>"stream": true</c> gets its reply as server-sent
/// <c>chat.completion.chunk</c> events ending in <c>data: [DONE]</c>.
/// </summary>
public sealed class ChatCompletionsServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly CancellationTokenSource stopping = new();

    public ChatCompletionsServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            var body = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync())!;
            var request = new ChatRequest(context.Request.Path + context.Request.QueryString, context.Request.Headers.Authorization.ToString(),
                context.Request.Headers["api-key"].ToString(), body);
            Requests.Enqueue(request);
            using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
            try
            {
                await Respond(request, context.Response, aborted.Token);
            }
            catch (OperationCanceledException)
            {
                // The client gave up on a hanging reply, or the server is stopping.
            }
        });
        app.StartAsync().GetAwaiter().GetResult();
        Root = app.Urls.First().TrimEnd('/');
    }

    public string Root { get; }

    /// <summary>The base URL an OpenAI-compatible client is given.</summary>
    public string BaseUrl => Root + "/v1";

    public ConcurrentQueue<ChatRequest> Requests { get; } = [];

    /// <summary>The bot's <c>Model:*</c> settings for an OpenAI-compatible model at this server.</summary>
    public Dictionary<string, string?> ModelSettings(int timeoutSeconds, string? apiKey = null) => new()
    {
        ["Model:Provider"] = "OpenAICompatible",
        ["Model:Endpoint"] = BaseUrl,
        ["Model:ModelId"] = "test-model",
        ["Model:ApiKey"] = apiKey,
        ["Model:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>How the next requests are answered; a completion with this text by default.</summary>
    public Func<ChatRequest, HttpResponse, CancellationToken, Task> Respond { get; set; } = Completion("It is in Dushanbe [1].");

    /// <summary>Forgets the requests and answers with the default completion again, for the next test that shares this server.</summary>
    public void Reset()
    {
        Requests.Clear();
        Respond = Completion("It is in Dushanbe [1].");
    }

    /// <summary>A completion with this text; streamed a word at a time when the client asks for a stream.</summary>
    public static Func<ChatRequest, HttpResponse, CancellationToken, Task> Completion(string content) =>
        (request, response, token) => request.Streams
            ? WriteChunksAsync(response, Regex.Split(content, @"(?<=\s)"), TimeSpan.Zero, null, token)
            : WriteCompletionAsync(response, content, token);

    /// <summary>
    /// The reply streamed in these pieces, <paramref name="between"/> apart (whole, when the client asks for no stream).
    /// With <paramref name="breakOffAfter"/> the server waits for that task after the last piece, then drops the
    /// connection, as a server failing mid-stream does; the wait lets the client read the pieces first, since a
    /// dropped connection takes whatever it had not read yet with it.
    /// </summary>
    public static Func<ChatRequest, HttpResponse, CancellationToken, Task> Streamed(IReadOnlyList<string> pieces, TimeSpan? between = null,
        Task? breakOffAfter = null) =>
        (request, response, token) => request.Streams
            ? WriteChunksAsync(response, pieces, between ?? TimeSpan.Zero, breakOffAfter, token)
            : WriteCompletionAsync(response, string.Concat(pieces), token);

    public static Func<ChatRequest, HttpResponse, CancellationToken, Task> Status(int status, string? retryAfter = null) =>
        async (_, response, token) =>
        {
            response.StatusCode = status;
            if (retryAfter is not null)
            {
                response.Headers.RetryAfter = retryAfter;
            }
            await response.WriteAsJsonAsync(new { error = new { message = "try later", type = "server_error" } }, token);
        };

    public static Func<ChatRequest, HttpResponse, CancellationToken, Task> Hang() =>
        (_, _, token) => Task.Delay(Timeout.Infinite, token);

    public static Func<ChatRequest, HttpResponse, CancellationToken, Task> NotJson() =>
        async (_, response, token) =>
        {
            response.ContentType = "application/json";
            await response.WriteAsync("<html>Bad gateway</html>", token);
        };

    public static async Task WriteCompletionAsync(HttpResponse response, string content, CancellationToken token)
    {
        var completion = new JsonObject
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = "test-model",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 5, ["total_tokens"] = 15 },
        };
        response.ContentType = "application/json";
        await response.WriteAsync(completion.ToJsonString(), token);
    }

    public static async Task WriteChunksAsync(HttpResponse response, IReadOnlyList<string> pieces, TimeSpan between, Task? breakOffAfter,
        CancellationToken token)
    {
        response.ContentType = "text/event-stream";
        for (var i = 0; i < pieces.Count; i++)
        {
            var delta = new JsonObject { ["content"] = pieces[i] };
            if (i == 0)
            {
                delta["role"] = "assistant";
            }
            await WriteEventAsync(response, Chunk(delta, null), token);
            if (between > TimeSpan.Zero)
            {
                await Task.Delay(between, token);
            }
        }
        if (breakOffAfter is not null)
        {
            await breakOffAfter.WaitAsync(token);
            response.HttpContext.Abort();
            return;
        }
        await WriteEventAsync(response, Chunk(new JsonObject(), "stop"), token);
        await response.WriteAsync("data: [DONE]\n\n", token);
    }

    private static JsonObject Chunk(JsonObject delta, string? finishReason) => new()
    {
        ["id"] = "chatcmpl-test",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1_700_000_000,
        ["model"] = "test-model",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
    };

    private static async Task WriteEventAsync(HttpResponse response, JsonObject data, CancellationToken token)
    {
        await response.WriteAsync($"data: {data.ToJsonString()}\n\n", token);
        await response.Body.FlushAsync(token);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await app.DisposeAsync();
        stopping.Dispose();
    }
}

/// <param name="Body">The JSON the client posted: model, messages, temperature and so on.</param>
public sealed record ChatRequest(string Path, string Authorization, string ApiKeyHeader, JsonNode Body)
{
    public IReadOnlyList<(string Role, string Content)> Messages =>
        Body["messages"]!.AsArray().Select(m => ((string)m!["role"]!, ContentOf(m["content"]))).ToList();

    /// <summary>All the text the model was sent, system and user messages alike.</summary>
    public string AllText => string.Join("\n", Messages.Select(m => m.Content));

    /// <summary>True when the client asked for the reply as a stream of chunks.</summary>
    public bool Streams => Body["stream"] is JsonValue stream && stream.GetValue<bool>();

    public bool IsRewrite => Messages.Any(m => m.Role == "system" && m.Content.Contains("rewrite", StringComparison.OrdinalIgnoreCase));

    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => (string?)p?["text"] ?? "")),
        _ => content?.ToJsonString(JsonSerializerOptions.Default) ?? "",
    };
}
