using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using TajKazBot.Core.Answering;

namespace TajKazBot.Rendering;

/// <summary>Turns the channel-agnostic <see cref="Answer"/> into the reply activity for a channel.</summary>
public static class ReplyBuilder
{
    public static IMessageActivity Build(Answer answer, string? channelId)
    {
        var reply = MessageFactory.Text(Markdown(answer));
        reply.TextFormat = TextFormatTypes.Markdown;
        return reply;
    }

    /// <summary>
    /// The answer as markdown: extractive passages already carry their numbers and section paths;
    /// a written answer gets its sources listed under it.
    /// </summary>
    public static string Markdown(Answer answer)
    {
        var text = new StringBuilder(answer.Text);
        if (answer.Kind == AnswerKind.Generative && answer.Citations.Count > 0)
        {
            text.Append("\n\n**Sources**\n");
            foreach (var citation in answer.Citations)
            {
                text.Append("\n[").Append(citation.Number).Append("] ").Append(citation.SectionPath)
                    .Append(" — “").Append(citation.Quote()).Append("”\n");
            }
        }
        if (!string.IsNullOrEmpty(answer.Notice))
        {
            text.Append("\n\n_").Append(answer.Notice).Append('_');
        }
        return text.ToString();
    }
}
