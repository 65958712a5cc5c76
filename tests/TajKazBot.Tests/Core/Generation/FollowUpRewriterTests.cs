using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Moq;
using TajKazBot.Core.Answering;
using TajKazBot.Core.Generation;

namespace TajKazBot.Core.Tests.Generation;

public sealed class FollowUpRewriterTests
{
    private static readonly IReadOnlyList<ConversationTurn> History = [new("Which president visited Kazakhstan?", "[1] **Emomali Rahmon** visited")];

    private static async Task<string?> RewriteAsync(string modelReply, IReadOnlyList<ConversationTurn>? history = null)
    {
        var chat = new Mock<IChatCompletionService>();
        chat.Setup(c => c.GetChatMessageContentsAsync(It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings?>(), It.IsAny<Kernel?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new ChatMessageContent(AuthorRole.Assistant, modelReply)]);
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(chat.Object);
        var options = new ModelOptions { Provider = ModelProvider.OpenAICompatible, ModelId = "m" };
        var model = new ChatModel(builder.Build(), options, NullLogger<ChatModel>.Instance,
            new ModelTelemetry(new System.Diagnostics.Metrics.Meter("TajKazBot.Tests"), new System.Diagnostics.ActivitySource("TajKazBot.Tests")));
        var rewriter = new FollowUpRewriter(model, PromptTemplates.Load(GroundedAnswererTests.PromptsFolder), new AnsweringOptions { MaxQuestionChars = 60 });
        using var budget = new ModelBudget(options.Timeout, CancellationToken.None);
        return await rewriter.StandaloneAsync("When was that?", history ?? History, budget);
    }

    [Theory]
    [InlineData("When did Emomali Rahmon visit Kazakhstan?", "When did Emomali Rahmon visit Kazakhstan?")]
    [InlineData("\"When did Emomali Rahmon visit Kazakhstan?\"\nI replaced 'that' with the visit.", "When did Emomali Rahmon visit Kazakhstan?")]
    [InlineData("   \n  When did   Rahmon\tvisit?  ", "When did Rahmon visit?")]
    public async Task The_first_line_of_the_reply_is_the_standalone_question(string reply, string expected)
    {
        Assert.Equal(expected, await RewriteAsync(reply));
    }

    [Theory]
    [InlineData("When was that?")]
    [InlineData("when was that?")]
    [InlineData("\"\"")]
    public async Task An_unchanged_or_empty_rewrite_leaves_the_question_to_the_plain_method(string reply)
    {
        Assert.Null(await RewriteAsync(reply));
    }

    [Fact]
    public async Task A_rewrite_is_cut_to_the_question_length_limit()
    {
        var rewritten = await RewriteAsync(string.Concat(Enumerable.Repeat("Rahmon visit ", 20)));

        Assert.Equal(60, rewritten?.Length);
    }
}
