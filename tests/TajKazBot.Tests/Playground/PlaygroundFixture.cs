using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests.Playground;

/// <summary>
/// The bot on Kestrel at 127.0.0.1 and two real Agents Playgrounds in front of it, one per channel
/// (msteams, emulator). The pinned npm package is installed from tests/playground on first use.
/// Where Node is missing nothing starts, and the <see cref="NodeFactAttribute"/> tests say why they skip.
/// </summary>
public sealed class PlaygroundFixture : IAsyncLifetime
{
    private BotHost? bot;

    public AgentsPlayground Teams { get; private set; } = null!;

    public AgentsPlayground Emulator { get; private set; } = null!;

    public string FeedbackLogPath { get; } = TempFiles.FeedbackLog();

    public async Task InitializeAsync()
    {
        if (!NodeTools.Available)
        {
            return;
        }
        var packageFolder = await InstallAsync();
        bot = new BotHost(new Dictionary<string, string?> { ["Feedback:LogPath"] = FeedbackLogPath });
        var endpoint = Endpoint(bot);
        var started = await Task.WhenAll(
            AgentsPlayground.StartAsync(packageFolder, endpoint, "msteams"),
            AgentsPlayground.StartAsync(packageFolder, endpoint, "emulator"));
        (Teams, Emulator) = (started[0], started[1]);
    }

    public async Task DisposeAsync()
    {
        if (Teams is not null)
        {
            await Teams.DisposeAsync();
        }
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }
        bot?.Dispose();
        File.Delete(FeedbackLogPath);
    }

    /// <summary>The playground's package folder, with the pinned package installed.</summary>
    public static async Task<string> InstallAsync()
    {
        var packageFolder = PackageFolder();
        if (!Directory.Exists(Path.Combine(packageFolder, "node_modules", "@microsoft", "m365agentsplayground")))
        {
            await NpmCiAsync(packageFolder);
        }
        return packageFolder;
    }

    /// <summary>Where the playground reaches the bot.</summary>
    public static Uri Endpoint(BotHost bot)
    {
        var address = bot.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(new Uri(address), "/api/messages");
    }

    private static string PackageFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "tests", "playground");
            if (File.Exists(Path.Combine(folder, "package.json")))
            {
                return folder;
            }
        }
        throw new DirectoryNotFoundException("tests/playground/package.json was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Installs exactly the versions in package-lock.json.</summary>
    private static async Task NpmCiAsync(string folder)
    {
        var start = new ProcessStartInfo(NodeTools.Find("npm")!)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { "ci", "--no-audit", "--no-fund" },
        };
        using var npm = Process.Start(start) ?? throw new InvalidOperationException("Could not start npm.");
        var stdout = npm.StandardOutput.ReadToEndAsync();
        var stderr = npm.StandardError.ReadToEndAsync();
        await npm.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci failed in {folder} ({npm.ExitCode}):\n{await stdout}\n{await stderr}");
        }
    }
}
