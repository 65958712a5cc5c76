namespace TajKazBot.Core.Generation;

/// <summary>Which chat-completions service writes answers; <see cref="None"/> keeps the bot extractive.</summary>
public enum ModelProvider
{
    None,
    OpenAI,
    AzureOpenAI,

    /// <summary>Any server with the OpenAI chat-completions API at a base URL: Ollama, llama.cpp, LM Studio, vLLM.</summary>
    OpenAICompatible,
}
