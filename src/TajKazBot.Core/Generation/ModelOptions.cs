namespace TajKazBot.Core.Generation;

/// <summary>
/// Settings section <c>Model</c>. A class rather than a record so that no generated
/// <c>ToString</c> ever prints <see cref="ApiKey"/> into a log.
/// </summary>
public sealed class ModelOptions
{
    public const string Section = "Model";

    public ModelProvider Provider { get; set; } = ModelProvider.None;

    /// <summary>The model name; for Azure OpenAI, the deployment name.</summary>
    public string ModelId { get; set; } = "";

    /// <summary>Base URL: required for Azure OpenAI and OpenAI-compatible servers (e.g. http://localhost:11434/v1).</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>From environment variables or user secrets only; never logged.</summary>
    public string ApiKey { get; set; } = "";

    public double Temperature { get; set; }

    public int MaxOutputTokens { get; set; } = 800;

    /// <summary>The whole model part of one answer (follow-up rewriting, retries and the answer) fits in this.</summary>
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>How many of the ranked passages the model is given to answer from.</summary>
    public int Passages { get; set; } = 5;

    /// <summary>Folder of the prompt templates, relative to the repository root unless absolute.</summary>
    public string PromptsPath { get; set; } = "prompts";

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
}
