using TajKazBot.Core.Answering;
using TajKazBot.Core.Tests.Support;

namespace TajKazBot.Core.Tests;

/// <summary>Small talk is recognised from prompts/smalltalk.json, whatever the case, punctuation, typos or filler.</summary>
[Collection(SemanticCollection.Name)]
public sealed class SmallTalkTests(SemanticFixture fixture)
{
    [Theory]
    [InlineData("hi", "greeting")]
    [InlineData("HELLO!!!", "greeting")]
    [InlineData("heyyy there", "greeting")]
    [InlineData("good mornin", "greeting")]
    [InlineData("thanks, that helps", "thanks")]
    [InlineData("Thnaks a lot!", "thanks")]
    [InlineData("ok cool, got it", "thanks")]
    [InlineData("bye", "goodbye")]
    [InlineData("see ya later", "goodbye")]
    [InlineData("who are you?", "identity")]
    [InlineData("r u a bot", "identity")]
    [InlineData("hi, what can you do?", "capabilities")]
    [InlineData("What can I ask you?", "capabilities")]
    public async Task Small_talk_is_recognised_in_its_variations(string message, string intent)
    {
        var smallTalk = await SmallTalk.CreateAsync(SmallTalkPhrases.Load(TestAnswerer.SmallTalkPath), fixture.Corpus);

        Assert.Equal(intent, smallTalk.Match(message)?.Name);
    }

    [Theory]
    [InlineData("hi, what does Kazakhstan export?")]
    [InlineData("thanks, and what about energy?")]
    [InlineData("who are they?")]
    [InlineData("what can they do about water?")]
    [InlineData("Which Tajik president visited Kazakhstan?")]
    public async Task A_question_is_not_small_talk(string message)
    {
        var smallTalk = await SmallTalk.CreateAsync(SmallTalkPhrases.Load(TestAnswerer.SmallTalkPath), fixture.Corpus);

        Assert.Null(smallTalk.Match(message));
    }

    [Fact]
    public async Task What_can_you_do_lists_the_sections_and_example_questions()
    {
        var answer = await fixture.Answerer.AnswerAsync("what can you do?", [], CancellationToken.None);

        Assert.Equal(AnswerKind.SmallTalk, answer.Kind);
        Assert.Equal(DeclineReason.SmallTalk, answer.Reason);
        Assert.Empty(answer.Citations);
        Assert.All(fixture.Corpus.Sections, s => Assert.Contains(s, answer.Text));
        Assert.Contains("- What does the document say about", answer.Text);
    }
}
