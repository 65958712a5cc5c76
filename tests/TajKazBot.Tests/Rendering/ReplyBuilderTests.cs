using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using TajKazBot.Core.Answering;
using TajKazBot.Core.Corpus;
using TajKazBot.Rendering;

namespace TajKazBot.Tests.Rendering;

public sealed class ReplyBuilderTests
{
    private const string Title = "Bilateral Relationship";

    private static Passage Passage(int n, string? url = null, string? section = null, string? text = null) => new(
        $"p{n}", Title, section?.Split(" › ") ?? ["Trade", $"Part {n}"], text ?? $"Passage number {n} says something about trade between the two countries.", 0, 10, "doc.txt", url);

    private static Answer Extractive(int count) => new(
        AnswerKind.Extractive,
        string.Join("\n\n", Enumerable.Range(1, count).Select(n => $"[{n}] **Trade › Part {n}**\n\nPassage {n}.")),
        Enumerable.Range(1, count).Select(n => new Citation(n, Passage(n), 1.0 / n)).ToList(),
        "what do they trade?",
        []);

    private static JObject Entity(IMessageActivity reply) =>
        Assert.Single(reply.Entities, e => e.Type == "https://schema.org/Message").Properties;

    [Fact]
    public void Teams_answer_has_one_root_message_entity_with_a_claim_per_marker_and_the_feedback_buttons()
    {
        var reply = ReplyBuilder.Build(Extractive(3), "msteams");

        var entity = Entity(reply);
        Assert.Equal("Message", (string?)entity["@type"]);
        Assert.Equal("https://schema.org", (string?)entity["@context"]);
        Assert.Equal("", (string?)entity["@id"]);
        Assert.Null(entity["additionalType"]);
        Assert.Equal([1, 2, 3], entity["citation"]!.Select(c => (int)c["position"]!));
        Assert.All(entity["citation"]!, c => Assert.Equal("Claim", (string?)c["@type"]));
        Assert.Equal("Trade › Part 2", (string?)entity["citation"]![1]!["appearance"]!["name"]);
        Assert.True((bool?)((JObject)reply.ChannelData)["feedbackLoopEnabled"]);
        Assert.DoesNotContain("**Sources**", reply.Text);
        Assert.Equal("markdown", reply.TextFormat);
    }

    [Fact]
    public void Written_answer_is_labelled_AI_generated_in_Teams_and_in_markdown()
    {
        var answer = Extractive(2) with { Kind = AnswerKind.Generative, Text = "They trade cotton [1] and fuel [2]." };

        var teams = ReplyBuilder.Build(answer, "msteams");
        var emulator = ReplyBuilder.Build(answer, "emulator");

        Assert.Equal(["AIGeneratedContent"], Entity(teams)["additionalType"]!.Select(t => (string)t!));
        Assert.Contains(ReplyBuilder.AiLabel, emulator.Text);
        Assert.Contains("— “Passage number 1 says", emulator.Text);
    }

    [Fact]
    public void At_most_ten_citations_and_only_those_the_text_marks()
    {
        var answer = Extractive(12) with { Kind = AnswerKind.Generative, Text = string.Join(' ', Enumerable.Range(1, 12).Where(n => n != 5).Select(n => $"[{n}]")) };

        var positions = Entity(ReplyBuilder.Build(answer, "msteams"))["citation"]!.Select(c => (int)c["position"]!).ToList();

        Assert.Equal([1, 2, 3, 4, 6, 7, 8, 9, 10, 11], positions);
    }

    [Fact]
    public void A_short_answer_s_further_sources_get_their_pills_on_one_line()
    {
        var answer = Extractive(3) with { Text = "**Cotton.** [1]\n\nThey trade **cotton**." };

        var reply = ReplyBuilder.Build(answer, "msteams");

        Assert.Contains("More in [2] [3]", reply.Text);
        Assert.Equal([1, 2, 3], Entity(reply)["citation"]!.Select(c => (int)c["position"]!));
    }

    [Fact]
    public void Name_and_abstract_are_cut_at_word_boundaries_and_the_document_url_is_kept()
    {
        var longSection = string.Join(" › ", Enumerable.Repeat("A rather long heading", 6));
        var longText = string.Concat(Enumerable.Repeat("Cotton and fruit flow north while machinery flows south. ", 10));
        var answer = new Answer(AnswerKind.Extractive, "[1] text", [new Citation(1, Passage(1, "https://example.org/doc", longSection, longText), 1)], "q", []);

        var appearance = Entity(ReplyBuilder.Build(answer, "msteams"))["citation"]![0]!["appearance"]!;

        var name = (string)appearance["name"]!;
        var summary = (string)appearance["abstract"]!;
        Assert.InRange(name.Length, 1, 80);
        Assert.InRange(summary.Length, 1, 160);
        Assert.EndsWith("…", summary);
        Assert.StartsWith(summary[..^1].TrimEnd(), longText);
        Assert.True(longText[summary.Length - 1] == ' ' || longText[..(summary.Length - 1)].EndsWith('.'), "cut at a word boundary");
        Assert.Equal("https://example.org/doc", (string?)appearance["url"]);
        Assert.Equal("DigitalDocument", (string?)appearance["@type"]);
    }

    [Fact]
    public void Decline_has_no_citation_entity_in_Teams_but_keeps_the_feedback_buttons()
    {
        var decline = new Answer(AnswerKind.Declined, "I couldn't find that.", [], "q", []);

        var reply = ReplyBuilder.Build(decline, "msteams");

        Assert.True(reply.Entities is null || reply.Entities.Count == 0);
        Assert.True((bool?)((JObject)reply.ChannelData)["feedbackLoopEnabled"]);
    }

    [Theory]
    [InlineData("emulator")]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData(null)]
    public void Other_channels_get_markdown_with_a_numbered_sources_list_and_no_Teams_data(string? channel)
    {
        var answer = Extractive(2) with { Citations = [new Citation(1, Passage(1, "https://example.org/doc"), 1), new Citation(2, Passage(2), 0.5)] };

        var reply = ReplyBuilder.Build(answer, channel);

        Assert.Equal("markdown", reply.TextFormat);
        var sources = reply.Text[reply.Text.IndexOf("**Sources**", StringComparison.Ordinal)..];
        Assert.Contains("- [1] [Part 1](https://example.org/doc)", sources);
        Assert.Contains("- [2] Part 2", sources);
        Assert.True(reply.Entities is null || reply.Entities.Count == 0);
        Assert.Null(reply.ChannelData);
    }

    [Theory]
    [InlineData("msteams", "personal", 3)]
    [InlineData("msteams", "groupChat", 0)]
    [InlineData("msteams", "channel", 0)]
    [InlineData("emulator", null, 3)]
    public void Up_to_three_follow_ups_as_imBack_where_the_channel_shows_them(string channel, string? conversationType, int expected)
    {
        var reply = ReplyBuilder.FollowUps("Related questions:", new[] { "What about a?", "What about b?", "What about c?", "What about d?" }.Select(Suggestion.Of).ToList(), channel, conversationType);

        Assert.Equal(expected == 0, reply is null);
        var actions = reply?.SuggestedActions?.Actions ?? [];
        Assert.Equal(expected, actions.Count);
        Assert.All(actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
        Assert.All(actions, a => Assert.Equal(a.Title, (string)a.Value));
    }

    [Fact]
    public void Teams_entity_serialises_as_the_playground_expects()
    {
        var json = JObject.FromObject(ReplyBuilder.Build(Extractive(1), "msteams"));

        var entity = json["entities"]![0]!;
        Assert.Equal("https://schema.org/Message", (string?)entity["type"]);
        Assert.Equal(1, (int)entity["citation"]![0]!["position"]!);
        Assert.NotNull(entity["citation"]![0]!["appearance"]!["abstract"]);
    }
}
