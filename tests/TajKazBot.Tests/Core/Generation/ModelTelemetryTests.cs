using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Moq;
using TajKazBot.Core.Generation;

namespace TajKazBot.Core.Tests.Generation;

/// <summary>Each model call is timed and each failure counted by cause, on the meter the host gives the model.</summary>
public sealed class ModelTelemetryTests
{
    public static TheoryData<string, string?> Outcomes => new()
    {
        { "text", null },
        { "empty", "empty" },
        { "500", "http_error" },
        { "timeout", "timeout" },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task A_call_records_its_duration_and_a_failure_its_cause(string behaviour, string? cause)
    {
        var chat = new Mock<IChatCompletionService>();
        var call = chat.Setup(c => c.GetChatMessageContentsAsync(It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings?>(), It.IsAny<Kernel?>(), It.IsAny<CancellationToken>()));
        switch (behaviour)
        {
            case "text":
                call.ReturnsAsync([new ChatMessageContent(AuthorRole.Assistant, "An answer [1].")]);
                break;
            case "empty":
                call.ReturnsAsync([new ChatMessageContent(AuthorRole.Assistant, " ")]);
                break;
            case "500":
                call.ThrowsAsync(new HttpOperationException(HttpStatusCode.InternalServerError, "{}", "server error", null));
                break;
            default:
                call.Returns(async (ChatHistory _, PromptExecutionSettings? _, Kernel? _, CancellationToken token) =>
                {
                    await Task.Delay(Timeout.Infinite, token);
                    return [];
                });
                break;
        }
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(chat.Object);
        using var meter = new Meter("TajKazBot.Tests." + Guid.NewGuid().ToString("N"));
        using var source = new ActivitySource("TajKazBot.Tests");
        var measurements = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Add((instrument.Name, value, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Add((instrument.Name, value, Tags(tags))));
        listener.Start();
        var options = new ModelOptions { Provider = ModelProvider.OpenAICompatible, ModelId = "m", TimeoutSeconds = 1 };
        var model = new ChatModel(builder.Build(), options, NullLogger<ChatModel>.Instance, new ModelTelemetry(meter, source));
        using var budget = new ModelBudget(options.Timeout, CancellationToken.None);

        var text = await model.CompleteAsync(KernelFunctionFactory.CreateFromPrompt("Answer {{$question}}", functionName: "answer"),
            new KernelArguments { ["question"] = "Where is the embassy?" }, budget);

        Assert.Equal(cause is null, text is not null);
        var duration = Assert.Single(measurements, m => m.Instrument == "tajkazbot.model.duration");
        Assert.Equal(cause is null ? "ok" : "failed", duration.Tags["outcome"]);
        Assert.Equal("answer", duration.Tags["prompt"]);
        var failures = measurements.Where(m => m.Instrument == "tajkazbot.model.failures").Select(m => (string?)m.Tags["cause"]).ToList();
        Assert.Equal(cause is null ? [] : [cause], failures);
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var all = new Dictionary<string, object?>();
        foreach (var (key, value) in tags)
        {
            all[key] = value;
        }
        return all;
    }
}
