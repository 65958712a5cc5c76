using Microsoft.Extensions.DependencyInjection;
using TajKazBot.Core.Answering;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests.Retrieval;

/// <summary>
/// What MiniLM measuring the question without the subject's words (Retrieval:Encoders=MiniLMAndArctic) tells apart
/// and arctic-embed-xs alone, the default, does not: its cosines of on-topic and unrelated questions overlap more, so
/// the thresholds cross-validation chooses for it let similarity decide only at the extremes (README, Answer quality).
/// </summary>
public sealed class MiniLMMeasuringTests(MiniLMMeasuringTests.Host host) : IClassFixture<MiniLMMeasuringTests.Host>
{
    public sealed class Host : IDisposable
    {
        public BotHost Bot { get; } = new(new Dictionary<string, string?> { ["Retrieval:Encoders"] = "MiniLMAndArctic" });

        public QuestionAnswerer Answerer => Bot.Services.GetRequiredService<QuestionAnswerer>();

        public void Dispose() => Bot.Dispose();
    }

    [Fact]
    public async Task A_question_about_now_that_the_document_answers_squarely_is_answered_as_dated()
    {
        var answer = await host.Answerer.AnswerAsync("Is trade between them currently growing?", [], CancellationToken.None);

        Assert.Equal(AnswerKind.Extractive, answer.Kind);
        Assert.Contains("as of when it was written", answer.Notice);
        Assert.Contains(answer.Citations, c => c.Passage.Text.Contains("continued to rise", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_follow_up_that_points_back_is_declined_alone_and_answered_after_its_question()
    {
        const string question = "And the other way round?";

        var alone = await host.Answerer.AnswerAsync(question, [], CancellationToken.None);
        var followUp = await host.Answerer.AnswerAsync(question, [new("Where is Kazakhstan's embassy in Tajikistan?", "…")], CancellationToken.None);

        Assert.Equal(AnswerKind.Declined, alone.Kind);
        Assert.Equal(AnswerKind.Extractive, followUp.Kind);
        Assert.Contains(followUp.Citations, c => c.Passage.Text.Contains("Tajikistan maintains an embassy in Nur-Sultan", StringComparison.Ordinal));
    }
}
