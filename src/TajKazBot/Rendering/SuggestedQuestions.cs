using TajKazBot.Core.Answering;
using TajKazBot.Core.Corpus;
using TajKazBot.Hosting;

namespace TajKazBot.Rendering;

/// <summary>
/// The questions the bot offers as buttons, made from the document once (<see cref="SectionQuestions"/>:
/// each asked and checked to lead back to its section) in the background from start; a turn that needs
/// them before they are ready waits for them. They are checked with the extractive answerer: retrieval and
/// the decline policy decide where a question leads, and a configured model is never called for this.
/// The work stops when the host does.
/// </summary>
public sealed class SuggestedQuestions(
    [FromKeyedServices(ServiceRegistration.Extractive)] QuestionAnswerer answerer, LoadedCorpus corpus, IHostApplicationLifetime lifetime)
{
    private readonly Lazy<Task<SectionQuestions>> questions = new(() => Task.Run(() =>
        SectionQuestions.BuildAsync(corpus, question => answerer.AnswerAsync(question, [], lifetime.ApplicationStopping)), lifetime.ApplicationStopping));

    /// <summary>Starts making the questions, so the first turn does not wait for them.</summary>
    public void Start() => _ = questions.Value;

    /// <summary>One question from each top-level section, for a start.</summary>
    public async Task<IReadOnlyList<Suggestion>> ExamplesAsync()
    {
        var built = await questions.Value;
        return corpus.Passages
            .GroupBy(p => p.Headings.FirstOrDefault() ?? p.DocumentTitle)
            .Select(section => section.Select(p => SectionQuestions.Heading(p)).OfType<string>().Select(built.For).OfType<string>().FirstOrDefault())
            .OfType<string>()
            .Take(ReplyBuilder.MaxSuggestions)
            .Select(Suggestion.Of)
            .ToList();
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
        var built = await questions.Value;
        return built.About(answer.Ranked.Select(r => r.Passage).Where(p => !shown.Contains(SectionQuestions.Heading(p))))
            .Take(ReplyBuilder.MaxSuggestions)
            .Select(Suggestion.Of)
            .ToList();
    }

    /// <summary>Questions about these sub-sections, in order, for those that have one.</summary>
    public async Task<IReadOnlyList<Suggestion>> AboutAsync(IEnumerable<string> headings)
    {
        var built = await questions.Value;
        return headings.Select(built.For).OfType<string>().Take(ReplyBuilder.MaxSuggestions).Select(Suggestion.Of).ToList();
    }
}
