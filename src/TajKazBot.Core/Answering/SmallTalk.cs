using System.Text;
using TajKazBot.Core.Corpus;
using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Answering;

/// <summary>
/// Recognises small talk (greetings, thanks, goodbyes, questions about the bot) by the phrasings in
/// prompts/smalltalk.json: a message is small talk when it is made entirely of such phrases and filler
/// words, after lower-casing, dropping punctuation, squeezing repeated letters ("hiii"), expanding shorthand
/// ("thx", "u") and allowing a typo per word ("thnaks", "helo"). With a semantic stage, a short message
/// the encoder puts close to a phrase counts too. Any other word makes the message a question.
/// </summary>
public sealed partial class SmallTalk
{
    /// <summary>Longer messages are questions, however they start.</summary>
    public const int MaxWords = 12;

    /// <summary>Only this short a message is matched by meaning: in a longer one the question outweighs the greeting.</summary>
    public const int MaxWordsByMeaning = 5;

    /// <summary>Shorter words are matched exactly: at three letters one edit reaches too many other words.</summary>
    private const int MinTypoLength = 4;

    private readonly SmallTalkPhrases phrases;
    private readonly LoadedCorpus corpus;
    private readonly List<(int Intent, string[] Words)> patterns;
    private readonly HashSet<string> filler;
    private readonly HashSet<string> vocabulary;
    private readonly List<(int Intent, float[] Vector)> vectors = [];

    private SmallTalk(SmallTalkPhrases phrases, LoadedCorpus corpus)
    {
        this.phrases = phrases;
        this.corpus = corpus;
        filler = phrases.Filler.SelectMany(Words).ToHashSet(StringComparer.Ordinal);
        patterns = phrases.Intents.SelectMany((intent, i) => intent.Phrases.Select(p => (i, Words(p)))).Where(p => p.Item2.Length > 0).ToList();
        vocabulary = patterns.SelectMany(p => p.Words).Concat(filler).ToHashSet(StringComparer.Ordinal);
    }

    /// <param name="semantic">With it, short messages close in meaning to a phrase count too.</param>
    /// <param name="vectorFolder">Where the phrases' vectors are kept between starts (<see cref="PhraseVectors"/>); null: embedded each time.</param>
    public static async Task<SmallTalk> CreateAsync(SmallTalkPhrases phrases, LoadedCorpus corpus, SemanticIndex? semantic = null, string? vectorFolder = null, CancellationToken cancellationToken = default)
    {
        var smallTalk = new SmallTalk(phrases, corpus);
        if (semantic is not null)
        {
            var vectors = await PhraseVectors.LoadOrEmbedAsync(vectorFolder, semantic, smallTalk.patterns.Select(p => string.Join(' ', p.Words)).ToList(), cancellationToken);
            smallTalk.vectors.AddRange(smallTalk.patterns.Zip(vectors, (p, v) => (p.Intent, v)));
        }
        return smallTalk;
    }

    /// <summary>The small talk the message is, or null for a question.</summary>
    public SmallTalkIntent? Match(string message)
    {
        var words = Words(message);
        // A short word that is no small-talk word is no typo of one: checked first, it spares most questions the edit distances.
        if (words.Length is 0 or > MaxWords || words.Any(w => w.Length < MinTypoLength && !vocabulary.Contains(w)))
        {
            return null;
        }
        for (var i = 0; i < words.Length; i++)
        {
            // A word that is no small-talk word, nor a typo of one, makes the message a question.
            if (Canonical(words[i]) is not { } known)
            {
                return null;
            }
            words[i] = known;
        }
        // best[i]: the fewest phrases that cover words[i..] exactly (filler between them), and among those
        // the highest-priority intent: "good morning" is one greeting, not thanks ("good") and a greeting.
        var best = new (int Phrases, int Intent)?[words.Length + 1];
        best[words.Length] = (0, int.MaxValue);
        for (var i = words.Length - 1; i >= 0; i--)
        {
            if (filler.Contains(words[i]) && best[i + 1] is { } rest)
            {
                best[i] = rest;
            }
            foreach (var (intent, pattern) in patterns)
            {
                if (i + pattern.Length <= words.Length && best[i + pattern.Length] is { } after && words.AsSpan(i, pattern.Length).SequenceEqual(pattern))
                {
                    var candidate = (after.Phrases + 1, Math.Min(intent, after.Intent));
                    if (best[i] is not { } current || candidate.CompareTo(current) < 0)
                    {
                        best[i] = candidate;
                    }
                }
            }
        }
        return best[0] is { Phrases: > 0 } found ? phrases.Intents[found.Intent] : null;
    }

    /// <summary>The small talk a short message means, by the encoder, or null.</summary>
    public SmallTalkIntent? MatchMeaning(string message, float[]? vector, double minSimilarity)
    {
        if (vector is null || vectors.Count == 0 || Words(message).Length > MaxWordsByMeaning)
        {
            return null;
        }
        var (intent, similarity) = vectors.Select(v => (v.Intent, Similarity: SentenceEmbedder.Cosine(vector, v.Vector))).MaxBy(v => v.Similarity);
        return similarity >= minSimilarity ? phrases.Intents[intent] : null;
    }

    public string Reply(SmallTalkIntent intent) => new StringBuilder(intent.Reply)
        .Replace("{title}", corpus.Title)
        .Replace("{sections}", string.Join("; ", corpus.Sections))
        .Replace("{examples}", corpus.ExampleList())
        .ToString();

    private string[] Words(string text)
    {
        var lower = Repeats().Replace(text.ToLowerInvariant().Replace("'", "").Replace("’", ""), "$1");
        return NonWord().Split(lower)
            .Where(w => w.Length > 0)
            .SelectMany(w => phrases.Shorthand.TryGetValue(w, out var expanded) ? expanded.Split(' ') : [w])
            .ToArray();
    }

    /// <summary>The small-talk word a message word is, or is a typo of; null for any other word.</summary>
    private string? Canonical(string word)
    {
        if (vocabulary.Contains(word))
        {
            return word;
        }
        if (word.Length < MinTypoLength)
        {
            return null;
        }
        var allowed = word.Length >= 7 ? 2 : 1;
        return vocabulary
            .Where(v => v.Length >= MinTypoLength && Math.Abs(v.Length - word.Length) <= allowed)
            .Select(v => (Word: v, Distance: EditDistance.Between(word, v)))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Word, StringComparer.Ordinal)
            .Select(c => c.Word)
            .FirstOrDefault();
    }

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"(\p{L})\1{2,}")]
    private static partial Regex Repeats();
}
