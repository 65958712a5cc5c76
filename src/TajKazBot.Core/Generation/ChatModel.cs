using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace TajKazBot.Core.Generation;

/// <summary>
/// Runs a prompt template on the configured chat model within an answer's <see cref="ModelBudget"/>.
/// Any failure (time out, 429 after bounded retries, 5xx, a body that is no completion) comes back as
/// null, so callers fall back to the passages; only the caller's own cancellation is thrown.
/// Failures are logged by kind and status only: exception messages can quote what the server sent.
/// Given <c>onText</c>, the reply is streamed and each time it grows the text so far is handed on; a
/// stream that breaks off is a failure like any other, whatever was handed on before.
/// </summary>
public sealed class ChatModel(Kernel kernel, ModelOptions options, ILogger<ChatModel> logger, ModelTelemetry telemetry)
{
    public TimeSpan Timeout => options.Timeout;

    /// <param name="onText">When given, called with the whole reply so far as the model streams it.</param>
    public async Task<string?> CompleteAsync(KernelFunction prompt, KernelArguments arguments, ModelBudget budget, Func<string, Task>? onText = null)
    {
        using var generation = telemetry.StartGeneration(prompt.Name);
        var started = Stopwatch.GetTimestamp();
        string? text = null;
        try
        {
            text = await CallAsync(prompt, arguments, budget, onText);
            return text;
        }
        finally
        {
            telemetry.RecordCall(prompt.Name, text is not null, Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task<string?> CallAsync(KernelFunction prompt, KernelArguments arguments, ModelBudget budget, Func<string, Task>? onText)
    {
        var settings = new OpenAIPromptExecutionSettings { Temperature = options.Temperature, MaxTokens = options.MaxOutputTokens };
        var withSettings = new KernelArguments(arguments, new Dictionary<string, PromptExecutionSettings>
        {
            [PromptExecutionSettings.DefaultServiceId] = settings,
        });
        try
        {
            var text = onText is null
                ? (await kernel.InvokeAsync(prompt, withSettings, budget.Token)).GetValue<string>()
                : await StreamAsync(prompt, withSettings, onText, budget.Token);
            if (string.IsNullOrWhiteSpace(text))
            {
                logger.LogWarning("Model {Prompt} returned no text", prompt.Name);
                telemetry.CountFailure(prompt.Name, "empty");
                return null;
            }
            return text;
        }
        catch (OperationCanceledException) when (budget.CallerCancelled)
        {
            throw;
        }
        catch (HttpOperationException e) when (e.StatusCode == HttpStatusCode.TooManyRequests)
        {
            // The HTTP client's resilience pipeline has retried already (ChatKernel.CreateHttpClient).
            logger.LogWarning("Model {Prompt} is rate-limited (429) after its retries", prompt.Name);
            telemetry.CountFailure(prompt.Name, "rate_limited");
            return null;
        }
        catch (Exception e)
        {
            LogFailure(prompt, e, budget);
            return null;
        }
    }

    /// <summary>
    /// The prompt through the chat service's streaming call (<c>GetStreamingChatMessageContentsAsync</c>,
    /// which Semantic Kernel uses for a prompt function invoked as a stream).
    /// </summary>
    private async Task<string> StreamAsync(KernelFunction prompt, KernelArguments arguments, Func<string, Task> onText, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        await foreach (var chunk in kernel.InvokeStreamingAsync<StreamingChatMessageContent>(prompt, arguments, cancellationToken))
        {
            if (!string.IsNullOrEmpty(chunk.Content))
            {
                text.Append(chunk.Content);
                await onText(text.ToString());
            }
        }
        return text.ToString();
    }

    private void LogFailure(KernelFunction prompt, Exception e, ModelBudget budget)
    {
        if (e is OperationCanceledException || budget.Remaining == TimeSpan.Zero)
        {
            logger.LogWarning("Model {Prompt} did not answer within {Timeout}", prompt.Name, Timeout);
            telemetry.CountFailure(prompt.Name, "timeout");
        }
        else
        {
            logger.LogWarning("Model {Prompt} failed: {Failure} (HTTP {Status})",
                prompt.Name, e.GetType().Name, (e as HttpOperationException)?.StatusCode is { } status ? (int)status : null);
            telemetry.CountFailure(prompt.Name, e is HttpOperationException ? "http_error" : "error");
        }
    }
}
