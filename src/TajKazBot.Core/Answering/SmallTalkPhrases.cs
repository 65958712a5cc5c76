using System.Text.Json;

namespace TajKazBot.Core.Answering;

/// <summary>The small-talk file (prompts/smalltalk.json): intents with their phrasings and replies, shorthand and filler words.</summary>
public sealed record SmallTalkPhrases(
    IReadOnlyDictionary<string, string> Shorthand,
    IReadOnlyList<string> Filler,
    IReadOnlyList<SmallTalkIntent> Intents)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static SmallTalkPhrases Load(string path)
    {
        var phrases = JsonSerializer.Deserialize<SmallTalkPhrases>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"{path} holds no small-talk phrases.");
        if (phrases.Intents is not { Count: > 0 } || phrases.Intents.Any(i => i.Phrases is not { Count: > 0 } || string.IsNullOrWhiteSpace(i.Reply)))
        {
            throw new InvalidDataException($"{path}: every intent needs phrases and a reply.");
        }
        return phrases with { Shorthand = phrases.Shorthand ?? new Dictionary<string, string>(), Filler = phrases.Filler ?? [] };
    }
}
