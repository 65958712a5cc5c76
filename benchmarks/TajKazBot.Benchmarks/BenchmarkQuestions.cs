namespace TajKazBot.Benchmarks;

/// <summary>Questions of the kinds users ask (factoid, paraphrase, section, off-topic), varied so no two encoder calls repeat.</summary>
public static class BenchmarkQuestions
{
    public static IReadOnlyList<string> All { get; } =
    [
        "In which city is Kazakhstan's embassy in Tajikistan?",
        "During which years was Tajikistan's civil war fought?",
        "What does Tajikistan export to Kazakhstan?",
        "How did the two countries cooperate on water and energy?",
        "What happened after the Soviet Union collapsed?",
        "Which agreements shape their trade and investment?",
        "Who won the 2018 FIFA World Cup?",
        "Tell me about cultural exchanges between the two peoples",
    ];

    private static readonly string[] Openings = ["", "Please tell me: ", "I wonder, ", "Quick question: ", "Do you know ", "Could you say "];

    /// <summary>The n-th question: a question of the list with one of several openings and a trailing count, never the same text twice.</summary>
    public static string Varied(long n) => $"{Openings[n / All.Count % Openings.Length]}{All[(int)(n % All.Count)]} ({n})";

    /// <summary>The parts of load.lua's texts, by kind, from benchmarks/load-questions.txt (copied beside the benchmarks).</summary>
    private static readonly Dictionary<string, string[]> LoadParts = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "load-questions.txt"))
        .Where(line => !line.StartsWith('#') && line.EndsWith('|'))
        .Select(line => (Kind: line[..line.IndexOf('|')], Text: line[(line.IndexOf('|') + 1)..^1]))
        .GroupBy(part => part.Kind, part => part.Text)
        .ToDictionary(kind => kind.Key, kind => kind.ToArray());

    /// <summary>The i-th text of benchmarks/load.lua's sequence: the encoders alone are measured on the questions the bot gets.</summary>
    public static string Load(long i)
    {
        var question = LoadParts["question"][i % 16];
        return LoadParts["opening"][i / 16 % 8] + question[..^1] + LoadParts["filler"][i / 128 % 8] + question[^1]
            + LoadParts["closing"][i / 1024 % 8] + LoadParts["aside"][i / 8192 % 8];
    }
}
