using TajKazBot.Core.Answering;
using TajKazBot.Rendering;

namespace TajKazBot.Commands;

/// <summary>
/// A command's reply, free of channel types: markdown <paramref name="Text"/> or an
/// <paramref name="Answer"/> showing passages, then <paramref name="Suggestions"/> under
/// <paramref name="Lead"/>. <paramref name="Sections"/> is set for the list of sections to pick from.
/// </summary>
public sealed record CommandReply(
    string? Text,
    Answer? Answer,
    IReadOnlyList<Suggestion> Suggestions,
    string Lead = CommandReply.TryThese,
    IReadOnlyList<string>? Sections = null)
{
    public const string TryThese = "Try one of these:";

    public static CommandReply Markdown(string text, IReadOnlyList<Suggestion>? suggestions = null) => new(text, null, suggestions ?? []);

    public static CommandReply Showing(Answer answer, IReadOnlyList<Suggestion>? suggestions = null, string lead = TryThese) =>
        new(null, answer, suggestions ?? [], lead);
}
