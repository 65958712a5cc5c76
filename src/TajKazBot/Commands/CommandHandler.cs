using System.Text;
using TajKazBot.Conversation;
using TajKazBot.Core.Answering;
using TajKazBot.Core.Corpus;
using TajKazBot.Core.Retrieval;
using TajKazBot.Rendering;

namespace TajKazBot.Commands;

/// <summary>
/// The replies to <c>help</c>, <c>topics</c>, <c>topic X</c>, <c>more</c> and <c>source N</c>, from the
/// document and the conversation's last answer. The bot sends them and stores what they showed.
/// </summary>
public sealed class CommandHandler(LoadedCorpus corpus, ExtractiveAnswerer extractive, SuggestedQuestions suggested)
{
    public const string NextPassages = "Want the next passages?";

    public const string NoEarlierAnswer = "There is no earlier answer to continue yet. Ask me a question first.";

    private readonly Dictionary<string, Passage> passagesById = corpus.Passages.ToDictionary(p => p.Id);

    private static string HelpText(string title) =>
        $"I answer questions about *{title}* and show the passages each answer comes from.\n\n" +
        "- Ask anything in your own words, e.g. *What do the two countries trade?*\n" +
        "- **topics**: the document's sections; pick one to see what it covers\n" +
        "- **more**: the next passages for your last question\n" +
        "- **source N**: the whole passage [N] of my last answer\n" +
        "- **help**: this list\n\n" +
        "If the document doesn't cover a question, I say so instead of guessing. In Teams, use 👍/👎 on an answer to tell us how it did.";

    public async Task<CommandReply> RunAsync(BotCommand command, LastAnswer? last) => command.Kind switch
    {
        BotCommandKind.Help => CommandReply.Markdown(HelpText(corpus.Title), await suggested.ExamplesAsync()),
        BotCommandKind.Topics => new CommandReply($"*{corpus.Title}* has {corpus.Sections.Count} sections.", null, [], Sections: corpus.Sections),
        BotCommandKind.Topic => await TopicAsync(command.Argument),
        BotCommandKind.More => More(last) is { } more
            ? CommandReply.Showing(more, more.Citations.Count > 0 ? [new Suggestion("more", "more")] : null, NextPassages)
            : CommandReply.Markdown(NoEarlierAnswer),
        BotCommandKind.Source => int.TryParse(command.Argument, out var number) && Source(last, number) is { } source
            ? CommandReply.Showing(source)
            : CommandReply.Markdown(NoSuchSource(last, command.Argument)),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    /// <summary>The section's sub-sections, each with its opening words, and questions about them.</summary>
    private async Task<CommandReply> TopicAsync(string requested)
    {
        var section = FindSection(requested);
        if (section is null)
        {
            return CommandReply.Markdown($"I don't know a section called “{UserText.Quote(requested)}”. The sections are: {string.Join("; ", corpus.Sections)}.");
        }
        var parts = corpus.Passages
            .Where(p => p.Headings.Count > 0 && p.Headings[0] == section)
            .GroupBy(p => p.Headings.Count == 1 ? section : p.Headings[1])
            .ToList();
        var text = new StringBuilder($"**{section}** covers:\n");
        foreach (var part in parts)
        {
            text.Append("\n- **").Append(part.Key).Append("**: ").Append(TextCut.AtWord(part.First().Text, 140));
        }
        return CommandReply.Markdown(text.ToString(), await suggested.AboutAsync(parts.Where(p => p.Key != section).Select(p => p.Key)));
    }

    /// <summary>The next passages retrieval ranked for the last question, numbered on from those already shown.</summary>
    private Answer? More(LastAnswer? last)
    {
        if (last is null || last.Ranked.Count == 0)
        {
            return null;
        }
        var shown = last.Cited.Select(c => c.PassageId).ToHashSet();
        var next = last.Ranked
            .Where(r => !shown.Contains(r.PassageId) && passagesById.ContainsKey(r.PassageId))
            .Select(r => new ScoredPassage(passagesById[r.PassageId], r.Score, r.MatchedTerms.ToHashSet()))
            .ToList();
        if (next.Count == 0)
        {
            return new Answer(AnswerKind.Declined, $"That was everything I found for “{UserText.Quote(last.Question)}”. Try asking it another way.", [], last.Question, []);
        }
        var firstNumber = last.Cited.Count == 0 ? 1 : last.Cited.Max(c => c.Number) + 1;
        return extractive.Answer(last.Question, new RetrievalResult(next, [], 1), firstNumber);
    }

    /// <summary>The whole passage behind <c>[number]</c> in the last answer, as a one-citation answer.</summary>
    private Answer? Source(LastAnswer? last, int number)
    {
        var cited = last?.Cited.FirstOrDefault(c => c.Number == number);
        if (cited is null || !passagesById.TryGetValue(cited.PassageId, out var passage))
        {
            return null;
        }
        return new Answer(AnswerKind.Extractive, $"[{number}] **{passage.SectionPath}**\n\n{passage.Text}",
            [new Citation(number, passage, cited.Score)], last!.Question, []);
    }

    private static string NoSuchSource(LastAnswer? last, string requested) =>
        last is null || last.Cited.Count == 0
            ? "I have no cited answer to take a source from yet. Ask me a question first."
            : requested.Length == 0
                ? $"Which one? Type **source N**, e.g. **source 1**. My last answer's sources are {string.Join(", ", last.Cited.Select(c => c.Number))}."
                : $"My last answer has no source {UserText.Quote(requested, 20)}. Its sources are {string.Join(", ", last.Cited.Select(c => c.Number))}.";

    private string? FindSection(string requested)
    {
        var wanted = WithoutNumber(requested);
        return corpus.Sections.FirstOrDefault(s => string.Equals(s, requested.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? corpus.Sections.FirstOrDefault(s => string.Equals(WithoutNumber(s), wanted, StringComparison.OrdinalIgnoreCase))
            ?? (int.TryParse(wanted, out var index) && index >= 1 && index <= corpus.Sections.Count ? corpus.Sections[index - 1] : null);
    }

    /// <summary>"3. Trade and Economic Relations" → "Trade and Economic Relations"; "3" → "3".</summary>
    private static string WithoutNumber(string heading)
    {
        var trimmed = heading.Trim();
        var dot = trimmed.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 && trimmed[..dot].All(char.IsDigit) ? trimmed[(dot + 2)..].Trim() : trimmed;
    }
}
