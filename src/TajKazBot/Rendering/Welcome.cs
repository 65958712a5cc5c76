using TajKazBot.Core.Corpus;

namespace TajKazBot.Rendering;

/// <summary>The greeting for a user who joins: what the bot knows and three questions to start with.</summary>
public static class Welcome
{
    public static string Text(LoadedCorpus corpus) =>
        $"Hi! I answer questions about *{corpus.Title}*, and I show the passages my answers come from. " +
        "If the document doesn't cover something, I'll say so.\n\nYou could ask:\n\n" + corpus.ExampleList() +
        "\n\nType **topics** to see what the document covers, or **help** for everything I can do.";
}
