using TajKazBot.Tests.Support;

namespace TajKazBot.Tests.Playground;

/// <summary>
/// A bot with a model at a loopback chat-completions server that streams, and a real Agents Playground
/// on msteams in front of it. Updates are not throttled, so every chunk the model sends makes one.
/// </summary>
public sealed class StreamingPlaygroundFixture : IAsyncLifetime
{
    private BotHost? bot;

    public ChatCompletionsServer Model { get; } = new();

    public AgentsPlayground Teams { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!NodeTools.Available)
        {
            return;
        }
        var packageFolder = await PlaygroundFixture.InstallAsync();
        var settings = Model.ModelSettings(timeoutSeconds: 10);
        settings["Streaming:UpdateInterval"] = "00:00:00";
        bot = new BotHost(settings);
        Teams = await AgentsPlayground.StartAsync(packageFolder, PlaygroundFixture.Endpoint(bot), "msteams");
    }

    public async Task DisposeAsync()
    {
        if (Teams is not null)
        {
            await Teams.DisposeAsync();
        }
        bot?.Dispose();
        await Model.DisposeAsync();
    }
}
