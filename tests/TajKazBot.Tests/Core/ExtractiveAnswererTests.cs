using TajKazBot.Core.Answering;
using TajKazBot.Core.Retrieval;
using TajKazBot.Core.Tests.Support;

namespace TajKazBot.Core.Tests;

public sealed class ExtractiveAnswererTests : IDisposable
{
    private readonly LexicalIndex index = new(RepositoryCorpus.Corpus.Passages, new RetrievalOptions());
    private readonly QuestionAnswerer answerer;

    public ExtractiveAnswererTests()
    {
        answerer = TestAnswerer.Create(new LuceneRetriever(index, new RetrievalOptions()), index, null, RepositoryCorpus.Corpus);
    }

    public void Dispose() => index.Dispose();

    [Fact]
    public async Task Answer_leads_with_the_precise_answer_then_quotes_its_passage_verbatim_with_it_in_bold()
    {
        var answer = await answerer.AnswerAsync("Which fruits does Tajikistan export to Kazakhstan?", [], CancellationToken.None);

        Assert.Equal(AnswerKind.Extractive, answer.Kind);
        Assert.Equal([1, 2, 3], answer.Citations.Select(c => c.Number));
        var blocks = answer.Text.Split("\n\n");
        Assert.Equal(2, blocks.Length);
        Assert.Equal($"**{answer.PreciseAnswer}** [1]", blocks[0]);
        Assert.Contains($"**{answer.PreciseAnswer}**", blocks[1]);
        Assert.Contains(blocks[1].Replace("**", "").Trim('…', ' '), answer.Citations[0].Passage.Text);
        Assert.DoesNotContain("[2]", answer.Text);
        Assert.Equal(answer.Citations.Select(c => c.PassageId), answer.Ranked.Take(3).Select(r => r.Passage.Id));
        Assert.All(answer.Citations, c => Assert.True(c.Score > 0));
    }

    [Fact]
    public void A_long_passage_is_quoted_around_the_answer_and_marked_where_it_is_cut()
    {
        var answer = FruitsAnswer(excerptChars: 300);

        var quote = answer.Text.Split("\n\n")[1];
        Assert.True(quote.StartsWith('…') || quote.EndsWith('…'), quote);
        Assert.Contains($"**{answer.PreciseAnswer}**", quote);
        Assert.True(quote.Replace("**", "").Trim('…', ' ').Length > answer.PreciseAnswer!.Length, "the quote adds a sentence around the answer: " + quote);
        Assert.True(quote.Length < answer.Citations[0].Passage.Text.Length, quote);
    }

    [Fact]
    public void When_no_sentence_around_the_answer_fits_the_passage_is_not_quoted_again()
    {
        var answer = FruitsAnswer(excerptChars: 100);

        Assert.NotNull(answer.PreciseAnswer);
        Assert.True(answer.PreciseAnswer.Length > 50, answer.PreciseAnswer);
        Assert.Equal($"**{answer.PreciseAnswer}** [1]", answer.Text);
    }

    private Answer FruitsAnswer(int excerptChars)
    {
        var options = new AnsweringOptions { ExcerptChars = excerptChars };
        var extractive = new ExtractiveAnswerer(new MatchHighlighter(index), new PreciseAnswerFinder(index, null, options), options);
        const string question = "Which fruits does Tajikistan export?";
        return extractive.Answer(question, new LuceneRetriever(index, new RetrievalOptions()).Retrieve(question, 3));
    }

    [Fact]
    public async Task More_shows_the_next_passages_whole_labelled_with_matches_in_bold()
    {
        var first = await answerer.AnswerAsync("Collective Security Treaty Organization", [], CancellationToken.None);
        var options = new AnsweringOptions();
        var extractive = new ExtractiveAnswerer(new MatchHighlighter(index), new PreciseAnswerFinder(index, null, options), options);

        var more = extractive.Answer(first.Question, new RetrievalResult(first.Ranked, [], 1), firstNumber: 4);

        var blocks = more.Text.Split("\n\n");
        Assert.Equal($"[4] **{more.Citations[0].SectionPath}**", blocks[0]);
        Assert.Equal(more.Citations[0].Passage.Text, blocks[1].Replace("**", ""));
        Assert.Contains("**Collective Security Treaty Organization**", more.Text);
    }

    [Fact]
    public async Task Off_topic_question_gets_the_fixed_decline_with_the_sections()
    {
        var answer = await answerer.AnswerAsync("Who won the 2018 FIFA World Cup?", [], CancellationToken.None);

        Assert.Equal(AnswerKind.Declined, answer.Kind);
        Assert.Empty(answer.Citations);
        Assert.Equal(
            "I couldn't find that in *Bilateral Relationship between Tajikistan and Kazakhstan*, so I won't guess. " +
            "It covers: Historical Background; Diplomatic Relations; Trade and Economic Relations. Try asking about one of those.",
            answer.Text);
    }

    [Fact]
    public async Task Blank_message_asks_for_a_question()
    {
        var answer = await answerer.AnswerAsync(" \t\n ", [], CancellationToken.None);

        Assert.Equal(AnswerKind.Declined, answer.Kind);
        Assert.StartsWith("Please type a question", answer.Text);
    }

    [Fact]
    public async Task Over_long_question_is_cut_and_the_user_told()
    {
        var answer = await answerer.AnswerAsync("hydropower " + new string('z', 5000), [], CancellationToken.None);

        Assert.Equal(2000, answer.Question.Length);
        Assert.Contains("first 2,000 characters", answer.Notice);
    }

    [Fact]
    public async Task Follow_up_is_searched_with_the_previous_question()
    {
        var history = new List<ConversationTurn> { new("Has Kazakhstan invested in Tajikistan's infrastructure?", "…") };

        var answer = await answerer.AnswerAsync("Which kinds of infrastructure in particular?", history, CancellationToken.None);

        Assert.Contains(answer.Citations, c => c.Passage.Text.Contains("transportation, energy, and telecommunications", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("a\u0000b\u001bc", "a b c")]
    [InlineData("  many   spaces\n\tand lines  ", "many spaces and lines")]
    public void Clean_drops_control_characters_and_folds_white_space(string raw, string expected)
    {
        Assert.Equal(expected, QuestionAnswerer.Clean(raw, 100, out var truncated));
        Assert.False(truncated);
    }

    [Fact]
    public void Clean_cuts_a_huge_message_to_its_start_without_reading_the_rest()
    {
        var huge = "What   do they\ttrade? " + new string('x', 5_000_000);

        var cleaned = QuestionAnswerer.Clean(huge, 30, out var truncated);

        Assert.True(truncated);
        Assert.Equal("What do they trade? xxxxxxxxxx", cleaned);
    }

    [Fact]
    public void Clean_never_cuts_an_emoji_in_half()
    {
        Assert.Equal("ab", QuestionAnswerer.Clean("ab👍", 3, out var truncated));
        Assert.True(truncated);
    }
}
