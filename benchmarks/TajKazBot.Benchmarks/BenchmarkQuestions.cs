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

    private static readonly string[] LoadOpenings = ["", "Please tell me: ", "I wonder, ", "Quick question: ", "Do you know: ", "Could you say ", "Tell me, ", "Now, "];

    private static readonly string[] LoadQuestions =
    [
        "In which city is Kazakhstan's embassy in Tajikistan?", "During which years was Tajikistan's civil war fought?",
        "What does Tajikistan export to Kazakhstan?", "How do the two countries cooperate on water and energy?",
        "What happened after the Soviet Union collapsed?", "Which agreements shape their trade and investment?",
        "Who won the FIFA World Cup?", "Tell me about cultural exchanges between the two peoples",
        "How did Kazakhstan help during the civil war?", "What role does the Eurasian Economic Union play?",
        "Where is Tajikistan's embassy in Kazakhstan?", "What are the main goods Kazakhstan sells to Tajikistan?",
        "How do they cooperate on security and borders?", "What is the history of their relations?",
        "Which investments has Kazakhstan made in Tajikistan?", "How are students and universities involved?",
    ];

    private static readonly string[] LoadFillers = ["", " really", " actually", " in general", " these days", " overall", " historically", " today"];
    private static readonly string[] LoadClosings = ["", " Thanks.", " Please.", " Briefly.", " In short.", " Exactly.", " If you can.", " Cheers."];
    private static readonly string[] LoadAsides = ["", " I am curious.", " Just asking.", " For a report.", " For my class.", " Out of interest.", " For a friend.", " No rush."];

    /// <summary>The i-th text of benchmarks/load.lua's sequence: the encoders alone are measured on the questions the bot gets.</summary>
    public static string Load(long i)
    {
        var question = LoadQuestions[i % 16];
        return LoadOpenings[i / 16 % 8] + question[..^1] + LoadFillers[i / 128 % 8] + question[^1] + LoadClosings[i / 1024 % 8] + LoadAsides[i / 8192 % 8];
    }
}
