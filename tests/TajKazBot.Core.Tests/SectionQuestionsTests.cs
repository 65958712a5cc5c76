using TajKazBot.Core.Answering;
using TajKazBot.Core.Tests.Support;
using Xunit.Abstractions;

namespace TajKazBot.Core.Tests;

/// <summary>Suggested questions are questions, fit a button, and lead back to their own section.</summary>
[Collection(SemanticCollection.Name)]
public sealed class SectionQuestionsTests(SemanticFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Each_sub_section_gets_a_short_question_that_is_answered_from_it()
    {
        var questions = await SectionQuestions.BuildAsync(fixture.Corpus, q => fixture.Answerer.AnswerAsync(q, [], CancellationToken.None));
        var headings = fixture.Corpus.Passages.Select(SectionQuestions.Heading).OfType<string>().Distinct().ToList();

        var found = headings.Select(h => (Heading: h, Question: questions.For(h))).Where(p => p.Question is not null).ToList();
        foreach (var (heading, question) in found)
        {
            output.WriteLine($"{heading} -> {question}");
        }

        Assert.True(found.Count >= headings.Count * 3 / 4, $"{found.Count} of {headings.Count} sub-sections have a question");
        foreach (var (heading, question) in found)
        {
            Assert.EndsWith("?", question);
            Assert.InRange(question!.Length, 1, SectionQuestions.MaxChars);
            var answer = await fixture.Answerer.AnswerAsync(question, [], CancellationToken.None);
            Assert.Equal(AnswerKind.Extractive, answer.Kind);
            Assert.Equal(heading, SectionQuestions.Heading(answer.Citations[0].Passage));
        }
    }

    [Fact]
    public async Task A_heading_too_long_for_a_button_keeps_what_it_is_about()
    {
        var questions = await SectionQuestions.BuildAsync(fixture.Corpus, q => fixture.Answerer.AnswerAsync(q, [], CancellationToken.None));

        // "What about establishment of diplomatic relations?" is 49 characters; the part after "of" is cut to
        // its head noun rather than the whole "of" phrase dropped ("What about establishment?").
        Assert.Equal("What about establishment of relations?", questions.For("Establishment of Diplomatic Relations"));
    }
}
