using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json.Nodes;
using TajKazBot.Cli;
using TajKazBot.Hosting;

namespace TajKazBot.Tests.Cli;

public sealed class PackageCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("tajkazbot-package-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Writes_a_sideloadable_zip_with_the_app_id_and_both_icons()
    {
        var zipPath = Path.Combine(folder, "out", "app.zip");
        var output = new StringWriter();

        var exit = await BotCommandLine.RunAsync(["package", "--app-id", "3F0C2A51-8D7E-4C55-9D2B-7E1A40C6B1E2", "--out", zipPath], ProjectRoot.Find(), output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains(zipPath, output.ToString());
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        JsonNode manifest;
        await using (var stream = zip.GetEntry("manifest.json")!.Open())
        {
            manifest = (await JsonNode.ParseAsync(stream))!;
        }
        Assert.Equal("3f0c2a51-8d7e-4c55-9d2b-7e1a40c6b1e2", (string?)manifest["id"]);
        var bot = manifest["bots"]![0]!;
        Assert.Equal("3f0c2a51-8d7e-4c55-9d2b-7e1a40c6b1e2", (string?)bot["botId"]);
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => (string)s!));
        var commands = bot["commandLists"]![0]!["commands"]!.AsArray().Select(c => (string)c!["title"]!).ToList();
        Assert.Equal(["help", "topics", "more", "source"], commands);
        Assert.StartsWith("https://developer.microsoft.com/json-schemas/teams/v1.", (string?)manifest["$schema"]);

        var color = Png(zip, "color.png");
        var outline = Png(zip, "outline.png");
        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.Equal(6, outline.ColorType); // RGBA: the outline icon must be transparent around the drawing
        Assert.Equal(0, outline.CornerAlpha);
    }

    [Theory]
    [InlineData("'--app-id' is required")]
    [InlineData("'--app-id'", "--app-id")]
    [InlineData("'not-a-guid'", "--app-id", "not-a-guid")]
    [InlineData("must not be the empty GUID", "--app-id", "00000000-0000-0000-0000-000000000000")]
    [InlineData("Unrecognized argument '--bogus'", "--app-id", "3f0c2a51-8d7e-4c55-9d2b-7e1a40c6b1e2", "--bogus")]
    public async Task Bad_arguments_are_refused_naming_the_culprit(string culprit, params string[] args)
    {
        var errors = new StringWriter();
        var zipPath = Path.Combine(folder, "never.zip");

        var exit = await BotCommandLine.RunAsync(["package", .. args, "--out", zipPath], ProjectRoot.Find(), new StringWriter(), errors);

        Assert.Equal(BotCommandLine.UsageError, exit);
        Assert.Contains(culprit, errors.ToString());
        Assert.Contains("See 'package --help'", errors.ToString());
        Assert.False(File.Exists(zipPath));
    }

    private sealed record PngInfo(int Width, int Height, int ColorType, int CornerAlpha);

    /// <summary>Reads the PNG header and the top-left pixel's alpha (the first pixel of the first row is never filtered).</summary>
    private static PngInfo Png(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        int width = 0, height = 0, colorType = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
            var data = bytes.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                colorType = data[9];
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            at += 12 + length;
        }
        idat.Position = 0;
        using var inflated = new ZLibStream(idat, CompressionMode.Decompress);
        var firstPixel = new byte[5];
        inflated.ReadExactly(firstPixel);
        return new PngInfo(width, height, colorType, colorType == 6 ? firstPixel[4] : 255);
    }
}
