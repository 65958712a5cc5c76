using System.Text.Json;

namespace TajKazBot.Core.Evaluation;

/// <summary>One line of a question set (format: shared/eval/README.md).</summary>
public sealed record EvalQuestion(string Id, string Question, IReadOnlyList<string> Answers, string Kind, string? Context)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public const string SmallTalkKind = "smalltalk";

    public bool InDomain => Answers.Count > 0;

    /// <summary>A greeting, thanks, goodbye or question about the bot: the right reply is small talk.</summary>
    public bool IsSmallTalk => !InDomain && Kind == SmallTalkKind;

    /// <summary>Out of domain: the right reply is a decline.</summary>
    public bool IsOutOfDomain => !InDomain && !IsSmallTalk;

    public static IReadOnlyList<EvalQuestion> Load(string path) =>
        File.ReadLines(path)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select((line, i) => JsonSerializer.Deserialize<EvalQuestion>(line, Json)
                ?? throw new FormatException($"{path}:{i + 1}: not a question object"))
            .Select(q => q with { Answers = q.Answers ?? [], Kind = q.Kind ?? "factoid" })
            .ToList();

    /// <summary>True when the text contains any answer phrase, both sides normalised as the eval README says.</summary>
    public bool IsCorrect(string text)
    {
        var normalised = Normalise(text);
        return Answers.Any(a => normalised.Contains(Normalise(a), StringComparison.Ordinal));
    }

    public static string Normalise(string text)
    {
        var mapped = text.ToLowerInvariant().Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"');
        return string.Join(' ', mapped.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
