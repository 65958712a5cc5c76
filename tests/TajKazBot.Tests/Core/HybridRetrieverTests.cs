using TajKazBot.Core.Answering;
using TajKazBot.Core.Corpus;
using TajKazBot.Core.Retrieval;
using TajKazBot.Core.Tests.Support;

namespace TajKazBot.Core.Tests;

[Collection(SemanticCollection.Name)]
public sealed class HybridRetrieverTests(SemanticFixture fixture)
{
    [Theory]
    [InlineData("Which global body do both nations back each other in?", "United Nations")]
    [InlineData("Why would the bigger state want electricity from Tajik dams?", "diversify its energy sources")]
    public async Task Fusion_ranks_a_paraphrase_above_lexically_similar_wrong_passages(string question, string expected)
    {
        Assert.DoesNotContain(expected, fixture.Lexical.Retrieve(question, 3).Passages[0].Passage.Text);
        Assert.Contains(expected, (await fixture.Hybrid.RetrieveAsync(question, 3)).Passages[0].Passage.Text);
    }

    [Fact]
    public async Task Ranks_every_passage_best_first_with_the_question_vector_and_the_lexical_terms()
    {
        var result = await fixture.Hybrid.RetrieveAsync("Which fruits does Tajikistan export to Kazakhstan?", 5);

        Assert.Equal(5, result.Passages.Count);
        Assert.True(result.Passages.Zip(result.Passages.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.Contains("apples and grapes", result.Passages[0].Passage.Text);
        Assert.Contains("fruit", result.Terms);
        Assert.NotNull(result.QuestionVector);
        Assert.True(new DeclinePolicy(new DeclineOptions()).IsClose(result));
    }

    [Fact]
    public async Task A_follow_up_is_read_with_its_context()
    {
        const string followUp = "Which sectors in particular?";
        const string expected = "transportation, energy, and telecommunications";

        var alone = RankOf(expected, await fixture.Hybrid.RetrieveAsync(followUp, 26));
        var withContext = RankOf(expected, await fixture.Hybrid.RetrieveAsync(followUp, 26, FollowUpQuestions.Of(followUp, [new("Has Kazakhstan invested in Tajikistan's infrastructure?", "…")])));

        Assert.InRange(withContext, 1, 3);
        Assert.True(withContext < alone, $"rank {withContext} with context, {alone} without");
    }

    [Fact]
    public async Task Typos_are_corrected_before_both_rankings()
    {
        var result = await fixture.Hybrid.RetrieveAsync("Where is the Kazakstan embasy in Tajikistan?", 3);

        Assert.Contains("embassy in Dushanbe", result.Passages[0].Passage.Text);
        Assert.Contains("kazakhstan", result.Terms);
        Assert.Contains("embassi", result.Terms);
    }

    [Fact]
    public async Task Among_other_documents_a_vague_question_finds_the_article_before_a_near_empty_passage()
    {
        var passages = fixture.Corpus.Passages.Concat(OtherDocuments.Passages()).ToList();
        using var index = new LexicalIndex(passages, fixture.Options, EnglishWords.Load());
        var lexical = new LuceneRetriever(index, fixture.Options);
        var semantic = await SemanticIndex.BuildAsync(passages, fixture.Embedder);
        var uncorrected = new HybridRetriever(lexical, semantic, fixture.Options with { CommonnessWeight = 0 });
        var centred = new HybridRetriever(lexical, semantic, fixture.Options);
        const string question = "does it mention any help after the fighting";

        // Uncorrected, a changelog's one-line "see also" entry (":pep:`436` -- The Argument Clinic DSL") comes first.
        Assert.Equal(OtherDocuments.SeeAlso, (await uncorrected.RetrieveAsync(question, 3)).Passages[0].Passage.SourceFile);
        Assert.Contains("after the civil war", (await centred.RetrieveAsync(question, 3)).Passages[0].Passage.Text);
    }

    [Fact]
    public async Task Commonness_leaves_a_single_document_ranked_as_it_was()
    {
        var uncorrected = new HybridRetriever(fixture.Lexical, fixture.Semantic, fixture.Options with { CommonnessWeight = 0 }, fixture.Ranking);
        var centred = new HybridRetriever(fixture.Lexical, fixture.Semantic, fixture.Options with { CommonnessWeight = 1 }, fixture.Ranking);

        const string question = "does it mention any help after the fighting";
        Assert.Equal(
            (await uncorrected.RetrieveAsync(question, 26)).Passages.Select(p => (p.Passage.Id, p.Score)),
            (await centred.RetrieveAsync(question, 26)).Passages.Select(p => (p.Passage.Id, p.Score)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!")]
    public async Task Questions_without_words_are_not_answerable(string question)
    {
        var result = await fixture.Hybrid.RetrieveAsync(question, 3);

        Assert.Empty(result.Passages);
    }

    private static int RankOf(string phrase, RetrievalResult result) =>
        result.Passages.Select(p => p.Passage.Text).ToList().FindIndex(t => t.Contains(phrase, StringComparison.Ordinal)) is var i and >= 0 ? i + 1 : int.MaxValue;
}
