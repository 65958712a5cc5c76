using Newtonsoft.Json.Linq;
using TajKazBot.Bots;

namespace TajKazBot.Tests.Bots;

public sealed class BotCommandTests
{
    [Theory]
    [InlineData("help", BotCommandKind.Help, "")]
    [InlineData("  HELP ", BotCommandKind.Help, "")]
    [InlineData("/help", BotCommandKind.Help, "")]
    [InlineData("topics", BotCommandKind.Topics, "")]
    [InlineData("topic Trade and Economic Relations", BotCommandKind.Topic, "Trade and Economic Relations")]
    [InlineData("more", BotCommandKind.More, "")]
    [InlineData("More!", BotCommandKind.More, "")]
    [InlineData("source 1", BotCommandKind.Source, "1")]
    [InlineData("source   12", BotCommandKind.Source, "12")]
    [InlineData("source", BotCommandKind.Source, "")]
    public void Commands_are_recognised(string text, BotCommandKind kind, string argument)
    {
        Assert.Equal(new BotCommand(kind, argument), BotCommand.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("help me understand the trade")]
    [InlineData("more about trade?")]
    [InlineData("source of the river?")]
    [InlineData("source 99999999999999")]
    [InlineData("what topics are covered")]
    [InlineData("topic")]
    public void Questions_stay_questions(string text)
    {
        Assert.Null(BotCommand.Parse(text));
    }

    [Theory]
    [InlineData("{\"feedbackText\":\"great\"}", "great")]
    [InlineData("plain words", "plain words")]
    [InlineData("{not json", "{not json")]
    [InlineData("", null)]
    [InlineData("[1,2]", "[1,2]")]
    public void Feedback_text_is_read_from_Teams_form_or_taken_as_typed(string raw, string? expected)
    {
        Assert.Equal(expected, QaBot.FeedbackText(new JValue(raw)));
    }

    [Fact]
    public void Feedback_text_may_arrive_as_an_object_or_not_at_all()
    {
        Assert.Equal("ok", QaBot.FeedbackText(new JObject { ["feedbackText"] = "ok" }));
        Assert.Null(QaBot.FeedbackText(null));
        Assert.Null(QaBot.FeedbackText(new JValue(42)));
    }
}
