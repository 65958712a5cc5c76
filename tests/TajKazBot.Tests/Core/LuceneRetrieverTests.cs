using TajKazBot.Core.Answering;
using TajKazBot.Core.Corpus;
using TajKazBot.Core.Retrieval;
using TajKazBot.Core.Tests.Support;

namespace TajKazBot.Core.Tests;

public sealed class LuceneRetrieverTests(LexicalFixture fixture) : IClassFixture<LexicalFixture>
{
    private readonly LuceneRetriever retriever = fixture.Retriever;
    private readonly DeclinePolicy policy = new(new DeclineOptions());

    [Theory]
    [InlineData("During which years was Tajikistan's civil war fought?", "a brutal civil war from 1992 to 1997")]
    [InlineData("Where does Tajikistan maintain its embassy in Kazakhstan?", "Tajikistan maintains an embassy in Nur-Sultan")]
    [InlineData("Who was Kazakhstan's president that promoted regional integration?", "under President Nursultan Nazarbayev, became a proponent")]
    [InlineData("Which metal does Tajikistan export?", "mineral resources such as aluminum")]
    [InlineData("investment in irrigation systems and farming", "improvement of irrigation systems")]
    public void Clear_question_gets_the_right_passage_first(string question, string expected)
    {
        var result = retriever.Retrieve(question, 5);

        Assert.True(policy.IsClose(result));
        Assert.Contains(expected, result.Passages[0].Passage.Text);
    }

    [Theory]
    [InlineData("trade AND (Kazakhstan OR \"Tajik*")]
    [InlineData("cotton~ exports^10 [a TO z]")]
    [InlineData("*")]
    [InlineData("?")]
    [InlineData("\"\"")]
    [InlineData("title:foo OR text:bar -section:baz && || ! { } ~ \\")]
    [InlineData("/regex.*/ AND field:")]
    [InlineData("🇹🇯🇰🇿 trade 🤝")]
    [InlineData("\u0000\u0001\u001b[31m trade \u0007")]
    [InlineData("")]
    [InlineData("   ")]
    public void Hostile_input_returns_passages_or_a_decline_and_never_throws(string question)
    {
        var result = retriever.Retrieve(question, 5);

        Assert.True(result.Passages.Count <= 5);
        Assert.InRange(result.Coverage, 0, 1);
    }

    [Fact]
    public void Query_syntax_is_searched_as_words()
    {
        var result = retriever.Retrieve("cotton~ exports^10 [a TO z]", 3);

        Assert.True(policy.IsClose(result));
        Assert.Contains("cotton", result.Passages[0].Passage.Text);
    }

    [Fact]
    public void Ten_thousand_characters_are_searched_with_a_bounded_query()
    {
        var words = string.Join(' ', Enumerable.Range(0, 1500).Select(i => $"w{i}")) + " hydropower";
        var question = (words + " " + new string('x', 10_000))[..10_000];

        var result = retriever.Retrieve(question, 3);

        Assert.True(result.Terms.Count <= new RetrievalOptions().MaxQueryTerms);
    }

    [Theory]
    [InlineData("Who won the 2018 FIFA World Cup?")]
    [InlineData("Who is Kazakhstan's ambassador to Tajikistan?")]
    [InlineData("How do I bake sourdough bread?")]
    public void Off_topic_question_is_declined(string question)
    {
        var result = retriever.Retrieve(question, 5);

        Assert.NotEqual(DeclineReason.None, policy.Decide(question, result));
    }

    [Fact]
    public void A_question_made_only_of_the_subject_s_words_is_about_the_document_and_answered()
    {
        var result = retriever.Retrieve("What do Kazakhstan and Tajikistan trade?", 3);

        Assert.True(policy.IsClose(result));
        Assert.Equal(1, result.Coverage);
        Assert.Contains("trade", result.Passages[0].Passage.Text);
    }

    [Fact]
    public void Matched_terms_are_the_analysed_question_words_found_in_the_passage()
    {
        var result = retriever.Retrieve("Which fruits does Tajikistan export?", 1);

        Assert.Contains("fruit", result.Passages[0].MatchedTerms);
        Assert.Contains("export", result.Passages[0].MatchedTerms);
        Assert.DoesNotContain("does", result.Passages[0].MatchedTerms);
        Assert.Subset(result.Terms.ToHashSet(), result.Passages[0].MatchedTerms.ToHashSet());
    }

    [Fact]
    public void Context_from_the_previous_question_helps_a_short_follow_up_but_counts_for_less()
    {
        const string question = "Which sectors in particular?";
        var alone = Rank(retriever.Retrieve(question, 10));
        var withContext = Rank(retriever.Retrieve(question, 10, FollowUpQuestions.Of(question, [new("Has Kazakhstan invested in Tajikistan's infrastructure?", "…")])));

        Assert.InRange(withContext, 1, 3);
        Assert.True(withContext < alone, $"rank {withContext} with context, {alone} alone");

        static int Rank(RetrievalResult result)
        {
            var index = result.Passages.ToList().FindIndex(p => p.Passage.Text.Contains("transportation, energy, and telecommunications", StringComparison.Ordinal));
            return index < 0 ? int.MaxValue : index + 1;
        }
    }

    [Fact]
    public void Concurrent_searches_share_one_searcher_safely()
    {
        var results = Enumerable.Range(0, 200).AsParallel().Select(i => retriever.Retrieve(i % 2 == 0 ? "civil war" : "embassy Dushanbe", 3)).ToList();

        Assert.All(results, r => Assert.True(policy.IsClose(r)));
    }

    [Fact]
    public void On_disk_index_gives_the_same_ranking_as_in_memory()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tajkazbot-index-" + Guid.NewGuid().ToString("N"));
        try
        {
            LexicalIndexFolder.Write(folder, RepositoryCorpus.Corpus.Passages, new RetrievalOptions());
            using var onDiskIndex = LexicalIndexFolder.Open(folder, RepositoryCorpus.Corpus.Passages, new RetrievalOptions(), EnglishWords.Load());
            var onDisk = new LuceneRetriever(onDiskIndex, new RetrievalOptions());

            Assert.Equal(
                retriever.Retrieve("economic cooperation agreements", 5).Passages.Select(p => p.Passage.Id),
                onDisk.Retrieve("economic cooperation agreements", 5).Passages.Select(p => p.Passage.Id));
            Assert.NotEmpty(Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_number_or_name_only_another_document_uses_is_still_unknown_to_the_document_answering()
    {
        var folder = Directory.CreateTempSubdirectory("tajkazbot-two-documents-").FullName;
        try
        {
            File.Copy(RepositoryCorpus.FilePath, Path.Combine(folder, "article.txt"));
            File.WriteAllText(Path.Combine(folder, "release-notes.md"), "# Release notes\n\nVersion 2021 of the compiler came out in spring; Guido wrote the parser, the tokenizer, the optimiser and many other pieces of the toolchain over several years of careful work.\n");
            var corpus = CorpusLoader.Load(folder, new ChunkingOptions());
            using var index = new LexicalIndex(corpus.Passages, new RetrievalOptions());

            var result = new LuceneRetriever(index, new RetrievalOptions()).Retrieve("Which agricultural products such as cotton, fruits and nuts did Tajikistan export to Kazakhstan in 2021, says Guido?", 3);

            Assert.Equal("article.txt", result.Passages[0].Passage.SourceFile);
            Assert.Equal(["2021"], result.UnknownNumbers);
            Assert.Equal(["Guido"], result.UnknownNames);
            Assert.Empty(index.Unknown.Numbers("in 2021"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
