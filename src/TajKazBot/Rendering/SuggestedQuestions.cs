using TajKazBot.Core.Answering;
using TajKazBot.Core.Corpus;
using TajKazBot.Hosting;

namespace TajKazBot.Rendering;

/// <summary>
/// The questions the bot offers as buttons, made from the document (<see cref="SectionQuestions"/>: each asked
/// and checked to lead back to its section) as they are first needed; the opening ones are worked out in the
/// background from start. They are checked with the extractive answerer: retrieval and the decline policy decide
/// where a question leads, and a configured model is never called for this. The work stops when the host does.
/// </summary>
public sealed class SuggestedQuestions(
    [FromKeyedServices(ServiceRegistration.Extractive)] QuestionAnswerer answerer, LoadedCorpus corpus, IHostApplicationLifetime lifetime)
{
    private readonly SectionQuestions questions = new(corpus, question => answerer.AnswerAsync(question, [], lifetime.ApplicationStopping));

    /// <summary>Starts working out the opening questions, so the first turn does not wait for them.</summary>
    public void Start() => _ = Task.Run(ExamplesAsync, lifetime.ApplicationStopping);

    /// <summary>One question from each top-level section, for a start.</summary>
    public async Task<IReadOnlyList<Suggestion>> ExamplesAsync()
    {
        var examples = new List<Suggestion>();
        foreach (var section in corpus.Passages.GroupBy(p => p.Headings.FirstOrDefault() ?? p.DocumentTitle))
        {
            if (examples.Count == ReplyBuilder.MaxSuggestions)
            {
                break;
            }
            examples.AddRange((await questions.AboutAsync(section.Select(SectionQuestions.Heading), 1)).Select(Suggestion.Of));
        }
        return examples;
    }

    /// <summary>
    /// What to offer after an answer, and the line above it: after small talk, questions to start with;
    /// after an answer or a decline, questions from the parts of the document closest to what was asked.
    /// </summary>
    public async Task<(string Lead, IReadOnlyList<Suggestion> Suggestions)> AfterAsync(Answer answer)
    {
        if (answer.Kind == AnswerKind.SmallTalk)
        {
            return ("You could ask:", await ExamplesAsync());
        }
        var near = await NearAsync(answer);
        return (answer.Kind == AnswerKind.Declined ? "Questions the document can answer:" : "Related questions:",
            near.Count > 0 ? near : await ExamplesAsync());
    }

    /// <summary>Questions about the parts of the document nearest the answer (or the decline), other than those it showed.</summary>
    public async Task<IReadOnlyList<Suggestion>> NearAsync(Answer answer)
    {
        var shown = answer.Citations.Select(c => SectionQuestions.Heading(c.Passage)).ToHashSet();
        var near = answer.Ranked.Select(r => SectionQuestions.Heading(r.Passage)).Where(h => !shown.Contains(h));
        return [.. (await questions.AboutAsync(near, ReplyBuilder.MaxSuggestions)).Select(Suggestion.Of)];
    }

    /// <summary>Questions about these sub-sections, in order, for those that have one.</summary>
    public async Task<IReadOnlyList<Suggestion>> AboutAsync(IEnumerable<string> headings) =>
        [.. (await questions.AboutAsync(headings, ReplyBuilder.MaxSuggestions)).Select(Suggestion.Of)];
}
