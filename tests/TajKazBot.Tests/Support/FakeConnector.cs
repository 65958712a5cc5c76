using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TajKazBot.Tests.Support;

/// <summary>
/// A loopback stand-in for a channel's connector service: records every activity the bot posts to
/// <c>/v3/conversations/{conversationId}/activities[/{activityId}]</c> and answers as the real one does.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication app;

    public FakeConnector()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId?}", async (string conversationId, string? activityId, HttpRequest request) =>
        {
            var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!;
            var id = Guid.NewGuid().ToString("N");
            Received.Enqueue(new PostedActivity(conversationId, activityId, body) { Id = id });
            return Results.Json(new { id });
        });
        app.StartAsync().GetAwaiter().GetResult();
        ServiceUrl = app.Urls.First().TrimEnd('/') + "/";
    }

    public string ServiceUrl { get; }

    /// <summary>Every activity posted, in arrival order.</summary>
    public ConcurrentQueue<PostedActivity> Received { get; } = [];

    /// <summary>Waits (bounded) until an activity of the given type has arrived for the conversation.</summary>
    public Task<PostedActivity> WaitForAsync(string conversationId, string type, TimeSpan? within = null) =>
        WaitForAsync(a => a.ConversationId == conversationId && (string?)a.Body["type"] == type, $"No {type} activity was posted for conversation {conversationId}.", within);

    /// <summary>Waits (bounded) until an activity that <paramref name="match"/> has arrived.</summary>
    public async Task<PostedActivity> WaitForAsync(Func<PostedActivity, bool> match, string failure, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var found = Received.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException(failure);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

public sealed record PostedActivity(string ConversationId, string? ActivityId, JsonNode Body)
{
    /// <summary>The id the connector gave the posted activity, as the real one does.</summary>
    public string Id { get; init; } = "";
}
