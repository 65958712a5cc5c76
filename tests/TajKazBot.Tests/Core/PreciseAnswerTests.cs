using TajKazBot.Core.Answering;
using TajKazBot.Core.Corpus;
using TajKazBot.Core.Evaluation;
using TajKazBot.Core.Retrieval;
using TajKazBot.Core.Tests.Support;

namespace TajKazBot.Core.Tests;

[Collection(SemanticCollection.Name)]
public sealed class PreciseAnswerTests(SemanticFixture fixture)
{
    private const string Text =
        "Trade between the two has grown. Kazakhstan exports machinery and fuel to Tajikistan. The weather in the mountains is often mild.";

    private static readonly Passage[] Passages = [new("p1", "Test", ["Trade"], Text, 0, Text.Length, "test.txt")];

    [Fact]
    public void Picks_the_answering_sentence_by_its_words_when_semantic_ranking_is_off()
    {
        using var index = new LexicalIndex(Passages, new RetrievalOptions());
        var lexical = new LuceneRetriever(index, new RetrievalOptions());
        var finder = new PreciseAnswerFinder(index, null, new AnsweringOptions());

        var precise = finder.Find(lexical.Retrieve("What does Kazakhstan export?", 3));

        Assert.Equal("Kazakhstan exports machinery and fuel to Tajikistan.", precise);
    }

    [Fact]
    public async Task Picks_the_answering_sentence_by_meaning_as_well()
    {
        using var index = new LexicalIndex(Passages, new RetrievalOptions());
        var lexical = new LuceneRetriever(index, new RetrievalOptions());
        var semantic = await SemanticIndex.BuildAsync(Passages, fixture.Embedder);
        var finder = new PreciseAnswerFinder(index, semantic, new AnsweringOptions());

        var precise = finder.Find(await new HybridRetriever(lexical, semantic, new RetrievalOptions()).RetrieveAsync("Which goods does Kazakhstan sell to its neighbour?", 3));

        Assert.NotNull(precise);
        Assert.Contains("machinery and fuel", precise);
        Assert.DoesNotContain("weather", precise);
    }

    [Fact]
    public void Nothing_ranked_gives_no_precise_answer()
    {
        using var index = new LexicalIndex(Passages, new RetrievalOptions());
        var lexical = new LuceneRetriever(index, new RetrievalOptions());

        Assert.Null(new PreciseAnswerFinder(index, null, new AnsweringOptions()).Find(RetrievalResult.Empty));
    }

    [Fact]
    public async Task The_answer_leads_with_the_precise_sentence_in_bold_cited_as_the_first_passage()
    {
        var answer = await fixture.Answerer.AnswerAsync("Which fruits does Tajikistan export to Kazakhstan?", [], CancellationToken.None);

        Assert.Equal(AnswerKind.Extractive, answer.Kind);
        Assert.NotNull(answer.PreciseAnswer);
        Assert.Contains("apples and grapes", answer.PreciseAnswer);
        Assert.StartsWith($"**{answer.PreciseAnswer}** [1]\n\n", answer.Text);
        Assert.Contains(answer.PreciseAnswer, answer.Citations[0].Passage.Text);
    }

    [Fact]
    public void Eval_scores_the_precise_answer_against_the_answer_phrases()
    {
        var right = new EvalQuestion("q1", "Which fruits?", ["apples and grapes"], "factoid", null);
        var wrong = new EvalQuestion("q2", "Which metal?", ["aluminum"], "factoid", null);
        var answer = new Answer(AnswerKind.Extractive, "", [], "", []) { PreciseAnswer = "Fruits (particularly Apples and  grapes)." };

        var metrics = EvalMetrics.Compute([new EvalOutcome(right, answer, 1, 1), new EvalOutcome(wrong, answer, 1, 1)], 10);

        Assert.Equal(0.5, metrics["precise_at_1"]);
    }
}
