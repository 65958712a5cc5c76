using Microsoft.SemanticKernel;

namespace TajKazBot.Core.Generation;

/// <summary>Builds the Semantic Kernel with the chat-completions connector the settings name.</summary>
public static class ChatKernel
{
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
    /// The client the connector sends through. Its own timeout is only a backstop just past the answer's
    /// budget (the default, 100 s, would hold a user far too long); pooled connections are renewed so a
    /// long-lived client still follows DNS changes.
    /// </summary>
    public static HttpClient CreateHttpClient(ModelOptions options) =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = options.Timeout + TimeSpan.FromSeconds(1),
        };
}
