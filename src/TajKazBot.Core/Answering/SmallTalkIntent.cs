namespace TajKazBot.Core.Answering;

/// <summary>One kind of small talk (a greeting, thanks): the ways people say it and the bot's reply.</summary>
public sealed record SmallTalkIntent(string Name, IReadOnlyList<string> Phrases, string Reply);
