using TajKazBot.Core.Corpus;

namespace TajKazBot.Core.Answering;

/// <summary>
/// Questions to suggest, one per sub-section, made from the document rather than by hand: "What about
/// {phrase}?" for the longest noun phrase of the heading that fits a button, kept only when the bot,
/// asked it, answers from that very section. Names keep their capitals
/// ("Soviet"), other words are lower-cased as the document writes them.
/// </summary>
public sealed partial class SectionQuestions
{
    /// <summary>Longer button titles are cut by some clients.</summary>
    public const int MaxChars = 40;

    private static readonly HashSet<string> Joining = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "of", "in", "on", "for", "to", "with", "by", "from", "at", "post", "between",
    };

    private readonly Dictionary<string, string> questions;

    private SectionQuestions(Dictionary<string, string> questions) => this.questions = questions;

    /// <param name="ask">How the bot answers a question (the same path users take).</param>
    public static async Task<SectionQuestions> BuildAsync(LoadedCorpus corpus, Func<string, Task<Answer>> ask)
    {
        var names = Names(corpus);
        var questions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var heading in corpus.Passages.Select(Heading).Where(h => h is not null).Distinct())
        {
            foreach (var question in Candidates(heading!, names))
            {
                var answer = await ask(question);
                if (answer.Kind is AnswerKind.Extractive or AnswerKind.Generative && answer.Citations.Count > 0 && Heading(answer.Citations[0].Passage) == heading)
                {
                    questions[heading!] = question;
                    break;
                }
            }
        }
        return new SectionQuestions(questions);
    }

    /// <summary>The checked question about a sub-section's heading, or null when no phrasing of it led back to it.</summary>
    public string? For(string heading) => questions.GetValueOrDefault(heading);

    /// <summary>The checked questions about the sections of these passages, in their order, each once.</summary>
    public IReadOnlyList<string> About(IEnumerable<Passage> passages) =>
        passages.Select(Heading).Where(h => h is not null).Distinct().Select(h => For(h!)).OfType<string>().ToList();

    /// <summary>The innermost heading a passage sits under; null for text before the first heading.</summary>
    public static string? Heading(Passage passage) =>
        passage.Headings.Count == 0 ? null : passage.Heading;

    /// <summary>
    /// Phrases of the heading that end where a noun phrase ends: runs of its parts between joining words
    /// ("Soviet Legacy", "Early Interactions"), whole or without leading modifiers (English noun phrases
    /// end in their head noun), longest first.
    /// </summary>
    private static IEnumerable<string> Candidates(string heading, IReadOnlySet<string> names)
    {
        var words = Word().Matches(heading).Select(m => names.Contains(m.Value) ? m.Value : m.Value.ToLowerInvariant()).ToArray();
        var ends = Enumerable.Range(0, words.Length).Where(i => !Joining.Contains(words[i]) && (i + 1 == words.Length || Joining.Contains(words[i + 1]))).ToList();
        return Enumerable.Range(0, words.Length)
            .Where(start => !Joining.Contains(words[start]))
            .SelectMany(start => ends.Where(end => end >= start).Select(end => words[start..(end + 1)]))
            .SelectMany(phrase => new[] { phrase, HeadAfterOf(phrase) })
            .OrderByDescending(phrase => phrase.Length)
            .Select(phrase => $"What about {string.Join(' ', phrase)}?")
            .Where(question => question.Length <= MaxChars)
            .Distinct();
    }

    /// <summary>
    /// "establishment of diplomatic relations" → "establishment of relations": what follows "of" cut to its head
    /// noun (the phrase's last word), so a heading too long for a button keeps what it is about.
    /// </summary>
    private static string[] HeadAfterOf(string[] phrase)
    {
        var of = Array.IndexOf(phrase, "of");
        return of > 0 && of < phrase.Length - 2 ? [.. phrase[..(of + 1)], phrase[^1]] : phrase;
    }

    /// <summary>Words the document writes capitalised in mid-sentence and never in lower case: names.</summary>
    private static HashSet<string> Names(LoadedCorpus corpus)
    {
        var text = string.Join("\n", corpus.Passages.Select(p => p.Text));
        var lower = Word().Matches(text).Select(m => m.Value).Where(w => char.IsLower(w[0])).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return MidSentenceCapital().Matches(text).Select(m => m.Groups[1].Value).Where(w => !lower.Contains(w)).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"\p{L}[\p{L}’'-]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"[\p{Ll},;]\s+(\p{Lu}[\p{L}-]*)")]
    private static partial Regex MidSentenceCapital();
}
