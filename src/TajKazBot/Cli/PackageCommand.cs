using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TajKazBot.Cli;

/// <summary>
/// <c>package --app-id GUID [--out file.zip]</c>: writes the Teams app package (manifest with the bot's
/// Microsoft App ID, and the two icons) from appPackage/, ready to sideload.
/// </summary>
public static class PackageCommand
{
    public const string DefaultOut = "tajkazbot-teams.zip";

    private static readonly string[] Icons = ["color.png", "outline.png"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, string contentRoot, TextWriter output, TextWriter errors)
    {
        string? appId = null;
        var outPath = DefaultOut;
        for (var i = 0; i < args.Count; i++)
        {
            var hasValue = i + 1 < args.Count;
            switch (args[i])
            {
                case "--app-id" when hasValue:
                    appId = args[++i];
                    break;
                case "--out" when hasValue:
                    outPath = args[++i];
                    break;
                default:
                    await errors.WriteLineAsync($"Unknown or incomplete argument '{args[i]}'. usage: package --app-id <GUID> [--out file.zip]");
                    return 2;
            }
        }
        if (!Guid.TryParse(appId, out var id) || id == Guid.Empty)
        {
            await errors.WriteLineAsync("package needs --app-id <GUID>: the bot registration's Microsoft App ID (MicrosoftAppId).");
            return 2;
        }

        var folder = Path.Combine(contentRoot, "appPackage");
        var missing = Icons.Append("manifest.json").Where(f => !File.Exists(Path.Combine(folder, f))).ToList();
        if (missing.Count > 0)
        {
            await errors.WriteLineAsync($"{folder} lacks {string.Join(", ", missing)}.");
            return 1;
        }
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "manifest.json")))!;
        // One GUID for both: the Teams app id may be any GUID, and reusing the bot's keeps them paired.
        manifest["id"] = id.ToString();
        foreach (var bot in manifest["bots"]?.AsArray() ?? [])
        {
            bot!["botId"] = id.ToString();
        }

        var fullOut = Path.GetFullPath(outPath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullOut)!);
        File.Delete(fullOut);
        using (var zip = ZipFile.Open(fullOut, ZipArchiveMode.Create))
        {
            var entry = zip.CreateEntry("manifest.json");
            await using (var stream = entry.Open())
            {
                await JsonSerializer.SerializeAsync(stream, manifest, new JsonSerializerOptions { WriteIndented = true });
            }
            foreach (var icon in Icons)
            {
                zip.CreateEntryFromFile(Path.Combine(folder, icon), icon);
            }
        }
        await output.WriteLineAsync($"Wrote {fullOut}: upload it in Teams (Apps › Manage your apps › Upload an app).");
        return 0;
    }
}
