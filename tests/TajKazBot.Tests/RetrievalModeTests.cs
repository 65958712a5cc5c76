using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TajKazBot.Core.Retrieval;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests;

/// <summary>Retrieval:Semantic picks the retriever the whole host (bot, ask, eval) uses.</summary>
public sealed class RetrievalModeTests
{
    [Fact]
    public void Semantic_ranking_is_on_by_default()
    {
        using var host = new BotHost();

        Assert.IsType<HybridRetriever>(host.Services.GetRequiredService<IPassageRetriever>());
    }

    [Fact]
    public async Task Semantic_off_gives_a_lexical_only_bot_that_still_answers_with_a_precise_sentence()
    {
        using var host = new BotHost(new Dictionary<string, string?> { ["Retrieval:Semantic"] = "false" });
        await using var connector = new FakeConnector();
        var activity = Activities.Message("Where is Kazakhstan's embasy in Tajikistan?", connector.ServiceUrl, "conv-lexical", deliveryMode: "expectReplies");

        var response = await Activities.PostAsync(host.Client(), activity);

        Assert.IsType<LuceneRetriever>(host.Services.GetRequiredService<IPassageRetriever>());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var text = (string)body["activities"]!.AsArray().First(a => (string?)a!["type"] == "message")!["text"]!;
        Assert.StartsWith("**Kazakhstan has an embassy in Dushanbe", text);
    }
}
