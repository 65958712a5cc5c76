using TajKazBot.Core.Answering;
using TajKazBot.Core.Corpus;
using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Tests.Support;

/// <summary>The extractive answering path with default settings and the repository's small-talk file, as the host wires it.</summary>
public static class TestAnswerer
{
    public static string SmallTalkPath { get; } = Path.Combine(Path.GetDirectoryName(RepositoryCorpus.Folder)!, "prompts", "smalltalk.json");

    public static QuestionAnswerer Create(IPassageRetriever retriever, ITermStatistics terms, SemanticIndex? semantic, LoadedCorpus corpus, DeclineOptions? decline = null)
    {
        var answering = new AnsweringOptions();
        return new QuestionAnswerer(
            retriever,
            new ExtractiveAnswerer(new MatchHighlighter(terms), new PreciseAnswerFinder(terms, semantic, answering), answering),
            new Declines(corpus),
            new DeclinePolicy(decline ?? new DeclineOptions()),
            SmallTalk.CreateAsync(SmallTalkPhrases.Load(SmallTalkPath), corpus, semantic, RepositoryCorpus.IndexFolder).GetAwaiter().GetResult(),
            answering);
    }
}
