using System.Text.RegularExpressions;

namespace TajKazBot.Commands;

/// <summary>A command typed (or picked from Teams' command menu) instead of a question.</summary>
/// <param name="Argument">The section asked for by <c>topic</c>, or the number asked for by <c>source</c>.</param>
public sealed partial record BotCommand(BotCommandKind Kind, string Argument = "")
{
    /// <summary>
    /// The command the text is, or null for a question. A leading slash is allowed, as in Teams' menu;
    /// "source of the river" or "more about trade" stay questions.
    /// </summary>
    public static BotCommand? Parse(string text)
    {
        var trimmed = text.Trim().TrimStart('/').Trim().TrimEnd('.', '!', '?');
        var match = Pattern().Match(trimmed);
        if (!match.Success)
        {
            return null;
        }
        var argument = match.Groups["arg"].Value.Trim();
        return match.Groups["verb"].Value.ToLowerInvariant() switch
        {
            "help" when argument.Length == 0 => new BotCommand(BotCommandKind.Help),
            "topics" when argument.Length == 0 => new BotCommand(BotCommandKind.Topics),
            "topic" when argument.Length > 0 => new BotCommand(BotCommandKind.Topic, argument),
            "more" when argument.Length == 0 => new BotCommand(BotCommandKind.More),
            // Teams' command menu sends a bare "source"; the reply then explains how to name one.
            "source" when argument.Length == 0 || int.TryParse(argument, out _) => new BotCommand(BotCommandKind.Source, argument),
            _ => null,
        };
    }

    [GeneratedRegex(@"^(?<verb>help|topics|topic|more|source)(?:\s+(?<arg>.+))?$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Pattern();
}
