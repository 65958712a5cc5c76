using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.SemanticKernel;
using Polly;

namespace TajKazBot.Core.Generation;

/// <summary>Builds the Semantic Kernel with the chat-completions connector the settings name.</summary>
public static class ChatKernel
{
    /// <summary>Tries per call when the service answers 429 (the first and two retries).</summary>
    public const int MaxAttempts = 3;

    public static Kernel Build(ModelOptions options, HttpClient httpClient)
    {
        var builder = Kernel.CreateBuilder();
        switch (options.Provider)
        {
            case ModelProvider.OpenAI when string.IsNullOrWhiteSpace(options.Endpoint):
                builder.AddOpenAIChatCompletion(options.ModelId, options.ApiKey, httpClient: httpClient);
                break;
            case ModelProvider.OpenAI or ModelProvider.OpenAICompatible:
                // Local servers such as Ollama take no key; the connector then sends none.
                builder.AddOpenAIChatCompletion(options.ModelId, new Uri(options.Endpoint),
                    string.IsNullOrEmpty(options.ApiKey) ? null : options.ApiKey, httpClient: httpClient);
                break;
            case ModelProvider.AzureOpenAI:
                builder.AddAzureOpenAIChatCompletion(options.ModelId, options.Endpoint, options.ApiKey, httpClient: httpClient);
                break;
            default:
                throw new InvalidOperationException($"Model:Provider {options.Provider} has no chat-completions connector.");
        }
        return builder.Build();
    }

    /// <summary>
    /// The client the connector sends through. A 429 is retried by Microsoft.Extensions.Http.Resilience,
    /// after the server's Retry-After (else 1 s, then 2 s), at most <see cref="MaxAttempts"/> tries, and not
    /// at all when the server asks for a wait longer than the answer's whole budget; the budget's
    /// cancellation ends any wait. The client's own timeout is only a backstop just past the budget (the
    /// default, 100 s, would hold a user far too long); pooled connections are renewed so a long-lived
    /// client still follows DNS changes.
    /// </summary>
    public static HttpClient CreateHttpClient(ModelOptions options)
    {
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = MaxAttempts - 1,
            BackoffType = DelayBackoffType.Linear,
            Delay = TimeSpan.FromSeconds(1),
            UseJitter = false,
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } response
                && (response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero) < options.Timeout),
        };
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>().AddRetry(retry).Build();
        return new HttpClient(new ResilienceHandler(pipeline) { InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) } })
        {
            Timeout = options.Timeout + TimeSpan.FromSeconds(1),
        };
    }
}
