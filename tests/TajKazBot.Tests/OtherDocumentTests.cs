using System.Text.Json.Nodes;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests;

/// <summary>
/// The method is not fitted to the article: pointed at a short document about something else (beekeeping,
/// in OtherDocument/), the bot answers from it, declines what it does not say, and greets in its name.
/// </summary>
public sealed class OtherDocumentTests : IClassFixture<OtherDocumentTests.Host>
{
    private readonly HttpClient client;

    public OtherDocumentTests(Host host) => client = host.Bot.Client();

    public sealed class Host : IDisposable
    {
        public BotHost Bot { get; } = new(new Dictionary<string, string?>
        {
            ["Corpus:Path"] = Path.Combine(AppContext.BaseDirectory, "OtherDocument"),
        });

        public void Dispose() => Bot.Dispose();
    }

    [Theory]
    [InlineData("How many eggs can a queen lay in a day?", "up to two thousand eggs a day")]
    [InlineData("What do older workers do?", "guard the entrance and forage")]
    [InlineData("how do beekeepers stop a colony from swarming", "prevent swarming by giving the colony more space")]
    [InlineData("what are the parasites that attack bees", "varroa mite is a parasite")]
    [InlineData("when is the honey taken off", "Honey is taken in late summer")]
    public async Task Questions_the_document_answers_are_answered_from_it(string question, string expected)
    {
        var text = await AskAsync(question, "other-answer");

        Assert.Contains(expected, text);
        Assert.Contains("[1]", text);
    }

    [Theory]
    [InlineData("What is the capital of France?", "doesn't mention “France”")]
    [InlineData("How much does a jar of honey cost in 2024?", "The document doesn't say exactly")]
    [InlineData("What is the weather today?", "fixed text")]
    [InlineData("Who won the 2018 FIFA World Cup?", "doesn't mention “FIFA”")]
    [InlineData("What is the best programming language for web servers?", "I couldn't find that in *Keeping Honeybees*")]
    public async Task Questions_it_does_not_answer_are_declined_with_a_reason(string question, string expected)
    {
        var text = await AskAsync(question, "other-decline");

        Assert.Contains(expected, text);
    }

    [Theory]
    [InlineData("hello!")]
    [InlineData("what can you do?")]
    public async Task Small_talk_is_answered_in_the_bot_s_words_naming_this_document(string message)
    {
        var text = await AskAsync(message, "other-chat");

        Assert.Contains("*Keeping Honeybees*", text);
        Assert.DoesNotContain("[1]", text);
        Assert.DoesNotContain("couldn't find", text);
    }

    private async Task<string> AskAsync(string question, string conversation)
    {
        var response = await Activities.PostAsync(client, Activities.Message(question, "http://127.0.0.1:9/", $"{conversation}-{Guid.NewGuid():N}", deliveryMode: "expectReplies"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (string)body["activities"]!.AsArray().First(a => (string?)a!["type"] == "message")!["text"]!;
    }
}
