using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace TajKazBot.Core.Generation;

/// <summary>
/// Runs a prompt template on the configured chat model within an answer's <see cref="ModelBudget"/>.
/// Any failure (time out, 429 after bounded retries, 5xx, a body that is no completion) comes back as
/// null, so callers fall back to the passages; only the caller's own cancellation is thrown.
/// Failures are logged by kind and status only: exception messages can quote what the server sent.
/// </summary>
public sealed class ChatModel(Kernel kernel, ModelOptions options, ILogger<ChatModel> logger, ModelTelemetry telemetry)
{
    public TimeSpan Timeout => options.Timeout;

    public async Task<string?> CompleteAsync(KernelFunction prompt, KernelArguments arguments, ModelBudget budget)
    {
        using var generation = telemetry.StartGeneration(prompt.Name);
        var started = Stopwatch.GetTimestamp();
        string? text = null;
        try
        {
            text = await CallAsync(prompt, arguments, budget);
            return text;
        }
        finally
        {
            telemetry.RecordCall(prompt.Name, text is not null, Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task<string?> CallAsync(KernelFunction prompt, KernelArguments arguments, ModelBudget budget)
    {
        var settings = new OpenAIPromptExecutionSettings { Temperature = options.Temperature, MaxTokens = options.MaxOutputTokens };
        var withSettings = new KernelArguments(arguments, new Dictionary<string, PromptExecutionSettings>
        {
            [PromptExecutionSettings.DefaultServiceId] = settings,
        });
        try
        {
            var result = await kernel.InvokeAsync(prompt, withSettings, budget.Token);
            var text = result.GetValue<string>();
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
