using System.Collections.Concurrent;
using TajKazBot.Core.Corpus;

namespace TajKazBot.Core.Answering;

/// <summary>
/// Questions to suggest, one per sub-section, made from the document rather than by hand: "What about
/// {phrase}?" for the longest noun phrase of the heading that fits a button, kept only when the bot,
/// asked it, answers from that very section. Names keep their capitals
/// ("Soviet"), other words are lower-cased as the document writes them. Each heading's question is worked
/// out when it is first needed, then kept: checking one costs a few answers, so checking every heading of a
/// corpus of hundreds of documents up front took minutes (and made the first turn wait for it).
/// </summary>
/// <param name="ask">How the bot answers a question (the same path users take).</param>
public sealed partial class SectionQuestions(LoadedCorpus corpus, Func<string, Task<Answer>> ask)
{
    /// <summary>Longer button titles are cut by some clients.</summary>
    public const int MaxChars = 40;

    private static readonly HashSet<string> Joining = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "of", "in", "on", "for", "to", "with", "by", "from", "at", "post", "between",
    };

    private readonly Lazy<HashSet<string>> names = new(() => Names(corpus));

    private readonly ConcurrentDictionary<string, Lazy<Task<string?>>> questions = new(StringComparer.Ordinal);

    /// <summary>The checked question about a sub-section's heading, or null when no phrasing of it leads back to it.</summary>
    public Task<string?> ForAsync(string heading) =>
        questions.GetOrAdd(heading, h => new Lazy<Task<string?>>(() => CheckAsync(h))).Value;

    /// <summary>Up to <paramref name="most"/> checked questions about these headings, in their order, each once (null headings skipped).</summary>
    public async Task<IReadOnlyList<string>> AboutAsync(IEnumerable<string?> headings, int most)
    {
        var found = new List<string>();
        foreach (var heading in headings.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (found.Count >= most)
            {
                break;
            }
            if (await ForAsync(heading) is { } question)
            {
                found.Add(question);
            }
        }
        return found;
    }

    private async Task<string?> CheckAsync(string heading)
    {
        foreach (var question in Candidates(heading, names.Value))
        {
            var answer = await ask(question);
            if (answer.Kind is AnswerKind.Extractive or AnswerKind.Generative && answer.Citations.Count > 0 && Heading(answer.Citations[0].Passage) == heading)
            {
                return question;
            }
        }
        return null;
    }

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

    /// <summary>
    /// Words the document writes capitalised in mid-sentence and never in lower case: names. Read passage by passage
    /// without a string per word, since a corpus of hundreds of documents has over a million words.
    /// </summary>
    private static HashSet<string> Names(LoadedCorpus corpus)
    {
        var lower = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lowerWords = lower.GetAlternateLookup<ReadOnlySpan<char>>();
        var capitalised = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in corpus.Passages.Select(p => p.Text))
        {
            foreach (var word in Word().EnumerateMatches(text))
            {
                if (char.IsLower(text[word.Index]))
                {
                    lowerWords.Add(text.AsSpan(word.Index, word.Length));
                }
            }
            capitalised.UnionWith(MidSentenceCapital().Matches(text).Select(m => m.Groups[1].Value));
        }
        capitalised.RemoveWhere(lower.Contains);
        return capitalised;
    }

    [GeneratedRegex(@"\p{L}[\p{L}’'-]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"[\p{Ll},;]\s+(\p{Lu}[\p{L}-]*)")]
    private static partial Regex MidSentenceCapital();
}
