using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Moq;
using TajKazBot.Core.Answering;
using TajKazBot.Core.Corpus;
using TajKazBot.Core.Generation;
using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Tests.Generation;

/// <summary>Grounding and fallback of written answers, with the chat service mocked (the real connector is tested in TajKazBot.Tests).</summary>
public sealed class GroundedAnswererTests
{
    /// <summary>The repository's prompts folder, beside its corpus.</summary>
    internal static readonly string PromptsFolder = Path.Combine(Path.GetDirectoryName(RepositoryCorpus.Folder)!, "prompts");
    private readonly Mock<IChatCompletionService> chat = new();
    private readonly ModelOptions options = new() { Provider = ModelProvider.OpenAICompatible, ModelId = "m", TimeoutSeconds = 5, Passages = 2 };
    private readonly IReadOnlyList<ScoredPassage> ranked = Enumerable.Range(1, 3)
        .Select(i => new ScoredPassage(new Passage($"p{i}", "Doc", [$"Section {i}"], $"Passage text {i}.", 0, 15, "doc.txt"), 10 - i, new HashSet<string>()))
        .ToList();

    private GroundedAnswerer Answerer()
    {
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(chat.Object);
        var model = new ChatModel(builder.Build(), options, NullLogger<ChatModel>.Instance,
            new ModelTelemetry(new System.Diagnostics.Metrics.Meter("TajKazBot.Tests"), new System.Diagnostics.ActivitySource("TajKazBot.Tests")));
        var corpus = new LoadedCorpus([], ranked.Select(p => p.Passage).ToList());
        return new GroundedAnswerer(model, PromptTemplates.Load(PromptsFolder), new Declines(corpus), options);
    }

    private void Replies(params Func<Task<IReadOnlyList<ChatMessageContent>>>[] replies)
    {
        var sequence = chat.SetupSequence(c => c.GetChatMessageContentsAsync(
            It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings?>(), It.IsAny<Kernel?>(), It.IsAny<CancellationToken>()));
        foreach (var reply in replies)
        {
            sequence = sequence.Returns(reply);
        }
    }

    private static Func<Task<IReadOnlyList<ChatMessageContent>>> Text(string text) =>
        () => Task.FromResult<IReadOnlyList<ChatMessageContent>>([new ChatMessageContent(AuthorRole.Assistant, text)]);

    private static Func<Task<IReadOnlyList<ChatMessageContent>>> Throws(Exception exception) =>
        () => Task.FromException<IReadOnlyList<ChatMessageContent>>(exception);

    private async Task<Answer> AnswerAsync()
    {
        var retrieval = new RetrievalResult(ranked, ["text"], 0.5);
        var extractive = new Answer(AnswerKind.Extractive, "[1] passages", [], "q", ranked);
        using var budget = new ModelBudget(options.Timeout, CancellationToken.None);
        return await Answerer().AnswerAsync("q", retrieval, [], extractive, budget);
    }

    [Fact]
    public async Task Citations_point_only_at_the_passages_the_model_was_given()
    {
        Replies(Text("From the second [2] and the third [3]."));

        var answer = await AnswerAsync();

        Assert.Equal(AnswerKind.Generative, answer.Kind);
        Assert.Equal("From the second [1] and the third.", answer.Text);
        Assert.Equal("p2", Assert.Single(answer.Citations).PassageId);
        Assert.Equal(ranked, answer.Ranked);
    }

    [Fact]
    public async Task The_history_and_passages_reach_the_chat_service_as_a_system_and_a_user_message()
    {
        ChatHistory? sent = null;
        chat.Setup(c => c.GetChatMessageContentsAsync(It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings?>(), It.IsAny<Kernel?>(), It.IsAny<CancellationToken>()))
            .Callback<ChatHistory, PromptExecutionSettings?, Kernel?, CancellationToken>((h, _, _, _) => sent = h)
            .ReturnsAsync([new ChatMessageContent(AuthorRole.Assistant, "Yes [1].")]);

        await AnswerAsync();

        Assert.NotNull(sent);
        Assert.Equal([AuthorRole.System, AuthorRole.User], sent.Select(m => m.Role));
        Assert.Contains("[1] (Section 1)\nPassage text 1.\n\n[2] (Section 2)\nPassage text 2.", sent[1].Content);
        Assert.DoesNotContain("Passage text 3", sent[1].Content);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("500")]
    [InlineData("empty")]
    public async Task A_failed_model_gives_the_extractive_answer_with_the_notice(string failure)
    {
        Replies(failure switch
        {
            "json" => Throws(new JsonException("'<' is an invalid start of a value.")),
            "500" => Throws(new HttpOperationException(HttpStatusCode.InternalServerError, "", "boom", null)),
            _ => Text(""),
        });

        var answer = await AnswerAsync();

        Assert.Equal(AnswerKind.Extractive, answer.Kind);
        Assert.Equal(GroundedAnswerer.Unavailable, answer.Notice);
    }

    [Fact]
    public async Task A_429_left_after_the_http_retries_gives_the_passages_with_a_notice()
    {
        Replies(Throws(new HttpOperationException(HttpStatusCode.TooManyRequests, "", "slow down", null)), Text("Never reached [1]."));

        var answer = await AnswerAsync();

        Assert.Equal(GroundedAnswerer.Unavailable, answer.Notice);
        chat.Verify(c => c.GetChatMessageContentsAsync(It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings?>(), It.IsAny<Kernel?>(), It.IsAny<CancellationToken>()),
            Times.Once);
    }

    [Fact]
    public async Task The_caller_s_cancellation_is_not_swallowed()
    {
        Replies(Throws(new OperationCanceledException()));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var retrieval = new RetrievalResult(ranked, ["text"], 0.5);
        using var budget = new ModelBudget(options.Timeout, cancelled.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Answerer().AnswerAsync("q", retrieval, [], new Answer(AnswerKind.Extractive, "", [], "q", ranked), budget));
    }
}
