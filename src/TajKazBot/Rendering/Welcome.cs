using TajKazBot.Core.Corpus;
using TajKazBot.Rendering;

namespace TajKazBot.Rendering;

/// <summary>The greeting for a user who joins: what the bot knows and three questions to start with.</summary>
public static class Welcome
{
    public static string Text(LoadedCorpus corpus)
    {
        var title = corpus.Title;
        var examples = ExampleQuestions(corpus).Select(q => $"- {q}");
        return $"Hi! I answer questions about *{title}*, and I show the passages my answers come from. " +
               "If the document doesn't cover something, I'll say so.\n\nYou could ask:\n\n" + string.Join("\n", examples) +
               "\n\nType **topics** to see what the document covers, or **help** for everything I can do.";
    }

    /// <summary>One question per top-level section, about its first sub-section (or the section itself).</summary>
    public static IReadOnlyList<string> ExampleQuestions(LoadedCorpus corpus) =>
        ExampleHeadings(corpus).Select(QuestionAbout).ToList();

    private static IEnumerable<string> ExampleHeadings(LoadedCorpus corpus) => corpus.ExampleHeadings;

    public static string QuestionAbout(string heading) => LoadedCorpus.QuestionAbout(heading);
}
