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

    /// <param name="id">The bot registration's Microsoft App ID; the command line refuses an empty one.</param>
    public static async Task<int> RunAsync(Guid id, string outPath, string contentRoot, TextWriter output, TextWriter errors)
    {
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
