using TajKazBot.Tests.Support;

namespace TajKazBot.Tests.Cli;

/// <summary>The <c>index</c> verb writes the prebuilt index; separate processes then read it at once without rebuilding it.</summary>
public sealed class IndexCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "tajkazbot-index-verb-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Index_writes_the_prebuilt_index_that_two_processes_then_read_at_once()
    {
        var (exitCode, stdout, stderr) = await CliProcess.RunAsync(null, "index", folder);

        Assert.True(exitCode == 0, stderr);
        Assert.Matches(@"^index [0-9a-f]{24} of 26 passages in ", stdout);
        var key = Assert.Single(Directory.GetDirectories(folder));
        var manifest = Path.Combine(key, "manifest.json");
        // One encoder both ranks and measures, so the index holds its vectors only.
        Assert.True(File.Exists(Path.Combine(key, "semantic.vectors")));
        Assert.False(File.Exists(Path.Combine(key, "ranking.vectors")));
        var written = File.GetLastWriteTimeUtc(manifest);

        var environment = new Dictionary<string, string> { ["Retrieval__IndexPath"] = folder };
        var readers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            CliProcess.RunAsync(environment, "ask", "In which city is Kazakhstan's embassy in Tajikistan?")));

        Assert.All(readers, r => Assert.True(r.ExitCode == 0, r.Stderr));
        Assert.All(readers, r => Assert.Contains("Dushanbe", r.Stdout));
        Assert.Equal(key, Assert.Single(Directory.GetDirectories(folder)));
        Assert.Equal(written, File.GetLastWriteTimeUtc(manifest));
    }

    [Fact]
    public async Task Index_refuses_more_than_one_folder()
    {
        var (exitCode, _, stderr) = await CliProcess.RunAsync(null, "index", folder, "another");

        Assert.Equal(2, exitCode);
        Assert.Contains("index: Unrecognized argument 'another'", stderr);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
