using Microsoft.SemanticKernel;

namespace TajKazBot.Core.Generation;

/// <summary>
/// The Semantic Kernel prompt templates in the prompts folder, loaded (and so checked) at start.
/// Templates use the default <c>{{$variable}}</c> syntax inside <c>&lt;message role="…"&gt;</c> blocks; variable
/// values are HTML-encoded by the template engine, so text in a passage or question cannot open a message of its own.
/// </summary>
public sealed record PromptTemplates(KernelFunction GroundedAnswer, KernelFunction QueryRewrite)
{
    public const string GroundedAnswerFile = "grounded-answer.prompt.txt";
    public const string QueryRewriteFile = "query-rewrite.prompt.txt";

    public static PromptTemplates Load(string folder) => new(
        Create(folder, GroundedAnswerFile, "grounded_answer", ["passages", "history", "question"]),
        Create(folder, QueryRewriteFile, "query_rewrite", ["history", "question"]));

    private static KernelFunction Create(string folder, string file, string name, IReadOnlyList<string> variables)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Prompt template '{path}' does not exist.", path);
        }
        var template = File.ReadAllText(path);
        if (!template.Contains("<message role=", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Prompt template '{path}' must put its text in <message role=\"…\"> blocks.");
        }
        var function = KernelFunctionFactory.CreateFromPrompt(template, functionName: name);
        var used = function.Metadata.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = variables.Where(v => !used.Contains(v)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"Prompt template '{path}' must use {string.Join(", ", missing.Select(v => "{{$" + v + "}}"))}.");
        }
        return function;
    }
}
