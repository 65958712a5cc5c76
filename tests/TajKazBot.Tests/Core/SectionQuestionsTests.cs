using System.Collections.Concurrent;
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
        var questions = new SectionQuestions(fixture.Corpus, q => fixture.Answerer.AnswerAsync(q, [], CancellationToken.None));
        var headings = fixture.Corpus.Passages.Select(SectionQuestions.Heading).OfType<string>().Distinct().ToList();

        var found = new List<(string Heading, string? Question)>();
        foreach (var heading in headings)
        {
            if (await questions.ForAsync(heading) is { } question)
            {
                found.Add((heading, question));
            }
        }
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
        var questions = new SectionQuestions(fixture.Corpus, q => fixture.Answerer.AnswerAsync(q, [], CancellationToken.None));

        // "What about establishment of diplomatic relations?" is 49 characters; the part after "of" is cut to
        // its head noun rather than the whole "of" phrase dropped ("What about establishment?").
        Assert.Equal("What about establishment of relations?", await questions.ForAsync("Establishment of Diplomatic Relations"));
    }

    [Fact]
    public async Task Only_the_headings_asked_about_are_worked_out_each_once_even_when_asked_at_once()
    {
        var asked = new ConcurrentBag<string>();
        var questions = new SectionQuestions(fixture.Corpus, q =>
        {
            asked.Add(q);
            return fixture.Answerer.AnswerAsync(q, [], CancellationToken.None);
        });
        var headings = fixture.Corpus.Passages.Select(SectionQuestions.Heading).OfType<string>().Distinct().ToList();

        var first = await questions.AboutAsync(headings, 2);
        var askedForTwo = asked.Count;
        var again = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => questions.AboutAsync(headings, 2)));

        Assert.Equal(2, first.Count);
        Assert.All(again, a => Assert.Equal(first, a));
        // Two headings' candidates at most (a heading is dropped only when none of its phrasings leads back to it),
        // not the document's dozen and more; asking again, even eight times at once, asks nothing more.
        Assert.True(askedForTwo < headings.Count, $"{askedForTwo} questions asked for two headings of {headings.Count}");
        Assert.Equal(askedForTwo, asked.Count);
        Assert.Equal(asked.Count, asked.Distinct().Count());
    }
}
