using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using TajKazBot.Core.Retrieval;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests;

/// <summary>Whatever breaks inside a turn, the user still gets a reply and the channel no 500.</summary>
public sealed class TurnFailureTests
{
    [Fact]
    public async Task A_failing_retriever_gets_the_user_an_apology_not_a_500()
    {
        var retriever = new Mock<IPassageRetriever>();
        retriever.Setup(r => r.RetrieveAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<FollowUp?>(), It.IsAny<CancellationToken>()))
            .Throws(new IOException("index unreadable"));
        using var host = new BotHost(services: s => s.AddSingleton(retriever.Object));
        var client = host.Client();

        var response = await Activities.PostAsync(client, Activities.Message("trade", "http://127.0.0.1:9/", "conv-fail", deliveryMode: "expectReplies"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]![0]!["text"]!;
        Assert.Contains("something went wrong", text);
        retriever.VerifyAll();
    }

    [Fact]
    public async Task A_message_with_only_an_attachment_is_told_that_only_text_is_read()
    {
        using var host = new BotHost();
        var activity = Activities.Message("", "http://127.0.0.1:9/", "conv-attachment", deliveryMode: "expectReplies");
        activity.Remove("text");
        activity["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "image/png", ["contentUrl"] = "http://127.0.0.1:9/a.png" });

        var response = await Activities.PostAsync(host.Client(), activity);

        var text = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]![0]!["text"]!;
        Assert.Contains("I can only read text", text);
    }
}
