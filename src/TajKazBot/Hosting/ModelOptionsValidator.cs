using TajKazBot.Core.Generation;

namespace TajKazBot.Hosting;

/// <summary>
/// Checks the <c>Model</c> section at start, naming the key at fault, and loads the prompt templates
/// once so a broken one stops the start instead of the first question.
/// </summary>
public sealed class ModelOptionsValidator(string contentRoot) : IValidateOptions<ModelOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelOptions options)
    {
        if (options.Provider == ModelProvider.None)
        {
            return ValidateOptionsResult.Success;
        }
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ModelId))
        {
            failures.Add(options.Provider == ModelProvider.AzureOpenAI
                ? "Model:ModelId must name the Azure OpenAI deployment."
                : $"Model:ModelId must name the model for Model:Provider {options.Provider}.");
        }
        var endpointRequired = options.Provider is ModelProvider.AzureOpenAI or ModelProvider.OpenAICompatible;
        if (endpointRequired && string.IsNullOrWhiteSpace(options.Endpoint))
        {
            var example = options.Provider == ModelProvider.AzureOpenAI ? "https://NAME.openai.azure.com" : "http://localhost:11434/v1";
            failures.Add($"Model:Endpoint must be the service's base URL for Model:Provider {options.Provider} (e.g. {example}).");
        }
        else if (!string.IsNullOrWhiteSpace(options.Endpoint)
                 && !(Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            failures.Add("Model:Endpoint must be an absolute http or https URL.");
        }
        if (options.Provider is ModelProvider.OpenAI or ModelProvider.AzureOpenAI && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add($"Model:ApiKey must be set (environment variable Model__ApiKey or user secrets) for Model:Provider {options.Provider}.");
        }
        if (options.Temperature is < 0 or > 2)
        {
            failures.Add("Model:Temperature must be between 0 and 2.");
        }
        if (options.MaxOutputTokens is < 16 or > 32000)
        {
            failures.Add("Model:MaxOutputTokens must be between 16 and 32000.");
        }
        if (options.TimeoutSeconds is < 1 or > 300)
        {
            failures.Add("Model:TimeoutSeconds must be between 1 and 300.");
        }
        if (options.Passages is < 1 or > 50)
        {
            failures.Add("Model:Passages must be between 1 and 50.");
        }
        try
        {
            PromptTemplates.Load(ServiceRegistration.Resolve(contentRoot, options.PromptsPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException
                                      or Microsoft.SemanticKernel.KernelException)
        {
            failures.Add($"Model:PromptsPath: {e.Message}");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
