using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using TajKazBot.Core.Answering;
using TajKazBot.Core.Corpus;

namespace TajKazBot.Rendering;

/// <summary>Turns the channel-agnostic <see cref="Answer"/> into the reply activity for a channel.</summary>
public static class ReplyBuilder
{
    public const string TeamsChannel = Channels.Msteams;

    /// <summary>What Teams shows for <c>AIGeneratedContent</c>, written out for channels that have no such label.</summary>
    public const string AiLabel = "AI-generated from the passages listed; check the sources.";

    /// <summary>Teams shows at most this many suggested actions, and only in personal chats.</summary>
    public const int MaxSuggestions = 3;

    /// <summary>
    /// The reply for the channel: Teams gets the text with its <c>[n]</c> markers plus a citation
    /// entity and the feedback buttons; every other channel gets markdown with the sources under it.
    /// </summary>
    public static IMessageActivity Build(Answer answer, string? channelId)
    {
        var isTeams = string.Equals(channelId, TeamsChannel, StringComparison.OrdinalIgnoreCase);
        var reply = MessageFactory.Text(isTeams ? TeamsText(answer) : Markdown(answer));
        reply.TextFormat = TextFormatTypes.Markdown;
        if (isTeams)
        {
            if (TeamsCitations.For(answer, reply.Text) is { } citations)
            {
                reply.Entities = [citations];
            }
            reply.ChannelData = new Newtonsoft.Json.Linq.JObject { ["feedbackLoopEnabled"] = true };
        }
        return reply;
    }

    /// <summary>
    /// Follow-up questions as a short message of their own after an answer, or null where the channel
    /// shows no suggested actions. Kept off the answer itself because the Agents Playground draws a
    /// message that has suggested actions as plain text, without its markdown or citation pills.
    /// </summary>
    /// <param name="conversationType">Teams' <c>personal</c>, <c>groupChat</c> or <c>channel</c>; null elsewhere.</param>
    public static IMessageActivity? FollowUps(string lead, IReadOnlyList<Suggestion> suggestions, string? channelId, string? conversationType)
    {
        var message = MessageFactory.Text(lead);
        Suggest(message, channelId, conversationType, suggestions);
        return message.SuggestedActions is null ? null : message;
    }

    /// <summary>
    /// Offers up to three questions as <c>imBack</c> buttons (a short title that sends the whole question), where the channel shows them: Teams draws
    /// suggested actions in one-to-one chats only; other channels draw them everywhere.
    /// </summary>
    public static void Suggest(IMessageActivity reply, string? channelId, string? conversationType, IReadOnlyList<Suggestion>? suggestions)
    {
        var isTeams = string.Equals(channelId, TeamsChannel, StringComparison.OrdinalIgnoreCase);
        var shown = !isTeams || string.IsNullOrEmpty(conversationType) || string.Equals(conversationType, "personal", StringComparison.OrdinalIgnoreCase);
        if (suggestions is { Count: > 0 } && shown)
        {
            reply.SuggestedActions = new SuggestedActions
            {
                Actions = suggestions.Take(MaxSuggestions)
                    .Select(s => new CardAction(ActionTypes.ImBack, title: s.Title, value: s.Question))
                    .ToList(),
            };
        }
    }

    /// <summary>
    /// In Teams the citation pills are the sources, so no list is written under the text; passages cited
    /// but not quoted get their pills on one line, so their hover cards are a click away.
    /// </summary>
    public static string TeamsText(Answer answer)
    {
        var text = new StringBuilder(answer.Text);
        var unquoted = Unquoted(answer).ToList();
        if (unquoted.Count > 0)
        {
            text.Append("\n\nMore in ").Append(string.Join(" ", unquoted.Select(c => $"[{c.Number}]"))).Append(" — type **source N** to read one whole.");
        }
        if (!string.IsNullOrEmpty(answer.Notice))
        {
            text.Append("\n\n_").Append(answer.Notice).Append('_');
        }
        return text.ToString();
    }

    /// <summary>
    /// The answer as markdown with its numbered sources under it, one line each: the section (once for
    /// passages of the same section in a row), and the opening words of a passage the text does not show.
    /// </summary>
    public static string Markdown(Answer answer)
    {
        var text = new StringBuilder(answer.Text);
        if (answer.Citations.Count > 0)
        {
            var unquoted = Unquoted(answer).Select(c => c.Number).ToHashSet();
            // Sources from one document name its sections; from several, the document too.
            var severalDocuments = answer.Citations.Select(c => c.Passage.DocumentTitle).Distinct().Count() > 1;
            text.Append("\n\n**Sources**");
            string? previous = null;
            foreach (var citation in answer.Citations)
            {
                text.Append("\n- [").Append(citation.Number).Append("] ");
                // A written answer's sources give the whole path; a short answer's, the innermost heading.
                var section = answer.Kind == AnswerKind.Generative ? citation.SectionPath : citation.Passage.Heading;
                var source = citation.Passage.Headings.Count == 0 || !severalDocuments
                    ? section
                    : citation.Passage.DocumentTitle + Passage.SectionSeparator + section;
                if (source != previous)
                {
                    text.Append(string.IsNullOrWhiteSpace(citation.Passage.DocumentUrl) ? source : $"[{source}]({citation.Passage.DocumentUrl})");
                }
                if (answer.Kind == AnswerKind.Generative || unquoted.Contains(citation.Number))
                {
                    text.Append(source == previous ? "“" : " — “").Append(citation.Quote(answer.Kind == AnswerKind.Generative ? 160 : 40)).Append('”');
                }
                previous = source;
            }
        }
        if (answer.Kind == AnswerKind.Generative)
        {
            text.Append("\n\n_").Append(AiLabel).Append('_');
        }
        if (!string.IsNullOrEmpty(answer.Notice))
        {
            text.Append("\n\n_").Append(answer.Notice).Append('_');
        }
        return text.ToString();
    }

    /// <summary>Passages cited that the text neither marks nor quotes: the short answer's further sources.</summary>
    private static IEnumerable<Citation> Unquoted(Answer answer) =>
        answer.Kind == AnswerKind.Generative
            ? []
            : answer.Citations.Where(c => !answer.Text.Contains($"[{c.Number}]", StringComparison.Ordinal));
}
