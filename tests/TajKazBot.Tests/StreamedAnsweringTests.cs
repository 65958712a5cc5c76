using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TajKazBot.Core.Answering;
using TajKazBot.Core.Generation;
using TajKazBot.Hosting;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests;

/// <summary>
/// Written answers streamed through Semantic Kernel's real OpenAI connector from a loopback server that sends
/// server-sent chunks, with the answerer built by the bot's own service registration.
/// </summary>
public sealed class StreamedAnsweringTests : IAsyncLifetime
{
    private const string EmbassyQuestion = "Where is Kazakhstan's embassy in Tajikistan?";

    private readonly ChatCompletionsServer server = new();
    private readonly List<string> drafts = [];
    private ServiceProvider? provider;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (provider is not null)
        {
            await provider.DisposeAsync();
        }
        await server.DisposeAsync();
    }

    private Task<Answer> AskAsync(Action<string>? onDraft = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(server.ModelSettings(timeoutSeconds: 10)).Build();
        provider = new ServiceCollection().AddLogging().AddQuestionAnswering(configuration, ProjectRoot.Find()).BuildServiceProvider();
        return provider.GetRequiredService<QuestionAnswerer>().AnswerAsync(EmbassyQuestion, [], draft =>
        {
            drafts.Add(draft);
            onDraft?.Invoke(draft);
            return Task.CompletedTask;
        }, CancellationToken.None);
    }

    [Fact]
    public async Task The_drafts_grow_as_the_model_writes_and_the_answer_is_grounded_whole()
    {
        server.Respond = ChatCompletionsServer.Streamed(
            ["Kazakhstan has an embassy ", "in Dushanbe [", "1], and Tajikistan ", "has one in Nur-Sultan ", "[3][9]."]);

        var answer = await AskAsync();

        Assert.True(Assert.Single(server.Requests).Streams);
        Assert.Equal(
        [
            "Kazakhstan has an embassy",
            "Kazakhstan has an embassy in Dushanbe",
            "Kazakhstan has an embassy in Dushanbe [1], and Tajikistan",
            "Kazakhstan has an embassy in Dushanbe [1], and Tajikistan has one in Nur-Sultan",
            "Kazakhstan has an embassy in Dushanbe [1], and Tajikistan has one in Nur-Sultan [2].",
        ], drafts);
        Assert.Equal(AnswerKind.Generative, answer.Kind);
        Assert.Equal("Kazakhstan has an embassy in Dushanbe [1], and Tajikistan has one in Nur-Sultan [2].", answer.Text);
        Assert.Equal([answer.Ranked[0].Passage, answer.Ranked[2].Passage], answer.Citations.Select(c => c.Passage));
        Assert.Null(answer.Notice);
    }

    [Fact]
    public async Task A_stream_that_breaks_off_gives_the_extractive_answer_with_the_notice()
    {
        var shown = new TaskCompletionSource();
        server.Respond = ChatCompletionsServer.Streamed(["Kazakhstan has an embassy ", "in Dushanbe [1], and "], breakOffAfter: shown.Task);

        var answer = await AskAsync(draft =>
        {
            if (draft.EndsWith("Dushanbe [1], and", StringComparison.Ordinal))
            {
                shown.TrySetResult();
            }
        });

        Assert.Equal("Kazakhstan has an embassy in Dushanbe [1], and", drafts[^1]);
        Assert.Equal(AnswerKind.Extractive, answer.Kind);
        Assert.Equal(GroundedAnswerer.Unavailable, answer.Notice);
        Assert.StartsWith($"**{answer.PreciseAnswer}** [1]\n\n", answer.Text);
    }

    [Fact]
    public async Task A_streamed_refusal_ends_as_the_decline()
    {
        server.Respond = ChatCompletionsServer.Streamed(["The document ", "does not cover ", "this."]);

        var answer = await AskAsync();

        Assert.Equal("The document does not cover this.", drafts[^1]);
        Assert.Equal(AnswerKind.Declined, answer.Kind);
        Assert.Equal(DeclineReason.NotStated, answer.Reason);
    }
}
