using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TajKazBot.Tests.Support;

/// <summary>
/// A loopback server that speaks the OpenAI chat-completions protocol at <c>{BaseUrl}/chat/completions</c>
/// (and Azure's <c>/openai/deployments/{d}/chat/completions</c>), answering each request with <see cref="Respond"/>
/// and recording what it was sent.
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

    /// <summary>How the next requests are answered; a completion with this text by default.</summary>
    public Func<ChatRequest, HttpResponse, CancellationToken, Task> Respond { get; set; } = Completion("It is in Dushanbe [1].");

    /// <summary>Forgets the requests and answers with the default completion again, for the next test that shares this server.</summary>
    public void Reset()
    {
        Requests.Clear();
        Respond = Completion("It is in Dushanbe [1].");
    }

    public static Func<ChatRequest, HttpResponse, CancellationToken, Task> Completion(string content) =>
        (_, response, token) => WriteCompletionAsync(response, content, token);

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

    public bool IsRewrite => Messages.Any(m => m.Role == "system" && m.Content.Contains("rewrite", StringComparison.OrdinalIgnoreCase));

    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => (string?)p?["text"] ?? "")),
        _ => content?.ToJsonString(JsonSerializerOptions.Default) ?? "",
    };
}
