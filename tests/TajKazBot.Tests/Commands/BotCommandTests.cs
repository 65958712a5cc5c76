using Newtonsoft.Json.Linq;
using TajKazBot.Commands;
using TajKazBot.Feedback;

namespace TajKazBot.Tests.Commands;

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
        Assert.True(FeedbackForm.TryText(new JValue(raw), out var text));
        Assert.Equal(expected, text);
    }

    [Fact]
    public void Feedback_text_may_arrive_as_an_object_or_not_at_all()
    {
        Assert.True(FeedbackForm.TryText(new JObject { ["feedbackText"] = "ok" }, out var fromObject));
        Assert.Equal("ok", fromObject);
        Assert.True(FeedbackForm.TryText(null, out var absent));
        Assert.Null(absent);
    }

    [Fact]
    public void Feedback_text_of_another_shape_makes_the_form_unreadable()
    {
        Assert.False(FeedbackForm.TryText(new JValue(42), out _));
        Assert.False(FeedbackForm.TryText(new JObject { ["feedbackText"] = new JObject { ["a"] = 1 } }, out _));
        Assert.False(FeedbackForm.TryText(new JValue("{\"feedbackText\": [1]}"), out _));
        Assert.Null(FeedbackForm.Read(new JObject { ["reaction"] = new JArray(), ["feedback"] = "fine" }));
    }

    [Fact]
    public void Feedback_text_is_cut_and_loses_control_characters()
    {
        var form = FeedbackForm.Read(new JObject { ["reaction"] = "dislike\u0007", ["feedback"] = "bad\u0000\u001b[31m answer\n" + new string('x', 30_000) })!;

        Assert.Equal("dislike", form.Reaction);
        Assert.Equal(FeedbackForm.MaxTextChars, form.Text!.Length);
        Assert.StartsWith("bad  [31m answer\n", form.Text);
        Assert.DoesNotContain(form.Text, c => char.IsControl(c) && c != '\n');
    }
}
