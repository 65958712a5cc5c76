using Microsoft.Extensions.DependencyInjection;
using TajKazBot.Core.Answering;
using TajKazBot.Core.Evaluation;
using TajKazBot.Hosting;
using TajKazBot.Rendering;
using TajKazBot.Tests.Support;
using Xunit.Abstractions;

namespace TajKazBot.Tests.Rendering;

/// <summary>
/// A chat answer, not a page: over the in-domain dev questions (../shared/eval beside the repository, or the
/// repository's own follow-up set where it is absent) the median reply is short on both kinds of channel,
/// and every passage retrieval ranked is still one word away (the sources and <c>more</c>).
/// </summary>
public sealed class ReplyLengthTests(BotEndpointTests.Host host, ITestOutputHelper output) : IClassFixture<BotEndpointTests.Host>
{
    public const int MedianChars = 900;

    [Theory]
    [InlineData("msteams")]
    [InlineData("emulator")]
    public async Task The_median_reply_is_at_most_900_characters(string channel)
    {
        var answerer = host.Bot.Services.GetRequiredService<QuestionAnswerer>();
        var lengths = new List<int>();
        foreach (var question in Questions().Where(q => q.InDomain && q.Context is null))
        {
            var answer = await answerer.AnswerAsync(question.Question, [], CancellationToken.None);
            var reply = ReplyBuilder.Build(answer, channel);
            lengths.Add(reply.Text.Length);
            if (answer.Kind == AnswerKind.Extractive)
            {
                Assert.All(answer.Citations, c => Assert.Contains($"[{c.Number}]", reply.Text));
            }
        }
        lengths.Sort();
        var median = lengths[lengths.Count / 2];
        output.WriteLine($"{channel}: {lengths.Count} replies, median {median}, max {lengths[^1]} characters");

        Assert.InRange(median, 1, MedianChars);
    }

    private static IReadOnlyList<EvalQuestion> Questions()
    {
        var shared = Path.Combine(ProjectRoot.Find(), "..", "shared", "eval", "questions.dev.jsonl");
        return EvalQuestion.Load(File.Exists(shared) ? shared : Path.Combine(ProjectRoot.Find(), "eval", "followups.jsonl"));
    }
}
