using TajKazBot.Core.Corpus;
using TajKazBot.Core.Retrieval;
using TajKazBot.Core.Tests.Support;

namespace TajKazBot.Core.Tests;

/// <summary>Typo tolerance in the lexical retriever alone: Lucene, no encoder.</summary>
public sealed class TypoToleranceTests(LexicalFixture fixture) : IClassFixture<LexicalFixture>
{
    private readonly LoadedCorpus corpus = RepositoryCorpus.Corpus;
    private readonly LexicalIndex index = fixture.Index;
    private readonly LuceneRetriever retriever = fixture.Retriever;

    [Theory]
    [InlineData("Where is the Kazakstan embasy in Tajikistan?", "embassy in Dushanbe")]
    [InlineData("Which frutis are among Tajikistan's exprts?", "apples and grapes")]
    [InlineData("What did Nazarbaev do for regional integraton?", "proponent of regional integration")]
    public void Typo_queries_find_their_passage(string question, string expected)
    {
        var result = retriever.Retrieve(question, 3);

        Assert.Contains(expected, result.Passages[0].Passage.Text);
    }

    [Theory]
    [InlineData("kazakstan", "kazakhstan")]
    [InlineData("cultral ties", "cultural ties")]
    [InlineData("Kazakstan's exprts", "kazakhstan exports")]
    public void Unknown_words_become_the_closest_document_words(string text, string expected)
    {
        Assert.Equal(expected, index.CorrectSpelling(text));
    }

    [Theory]
    [InlineData("How did the two governments treat each other's statehood?")]
    [InlineData("What did those forums discuss?")]
    [InlineData("What about the Prospects?")]
    [InlineData("Who won the 2018 FIFA World Cup?")]
    [InlineData("Kazakhstan Tajikistan embassy")]
    public void Words_the_document_or_English_knows_are_left_alone(string text)
    {
        Assert.Equal(text, index.CorrectSpelling(text));
    }

    [Fact]
    public void Exact_matches_rank_as_without_typo_tolerance()
    {
        using var strictIndex = new LexicalIndex(corpus.Passages, new RetrievalOptions { MaxTypoEdits = 0 });
        var strict = new LuceneRetriever(strictIndex, new RetrievalOptions());
        const string question = "What are Kazakhstan's main exports to Tajikistan?";

        Assert.Equal(
            strict.Retrieve(question, 5).Passages.Select(p => p.Passage.Id),
            retriever.Retrieve(question, 5).Passages.Select(p => p.Passage.Id));
    }

    [Fact]
    public void A_typo_is_not_corrected_when_typo_tolerance_is_off()
    {
        using var strict = new LexicalIndex(corpus.Passages, new RetrievalOptions { MaxTypoEdits = 0 });

        Assert.Equal("kazakstan", strict.CorrectSpelling("kazakstan"));
    }
}
