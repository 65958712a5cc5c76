using TajKazBot.Core.Retrieval;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests.Cli;

/// <summary>
/// The <c>index</c> verb writes the prebuilt index, the 8-bit model and the small-talk vectors; separate processes then
/// read them at once without rebuilding any.
/// </summary>
public sealed class IndexCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "tajkazbot-index-verb-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Index_writes_the_prebuilt_index_that_two_processes_then_read_at_once()
    {
        var (exitCode, stdout, stderr) = await CliProcess.RunAsync(null, "index", folder);

        Assert.True(exitCode == 0, stderr);
        Assert.Matches(@"^index [0-9a-f]{24} of 26 passages in ", stdout);
        var key = Assert.Single(Indexes());
        var manifest = Path.Combine(key, "manifest.json");
        // The 8-bit encoder's model is written beside it, so the processes that read the index do not quantise it.
        var model = Path.Combine(folder, "models", QuantizedArcticModel.FileName);
        Assert.True(File.Exists(model));
        var modelWritten = File.GetLastWriteTimeUtc(model);
        // So are the small-talk phrases' vectors, so that they do not embed those either.
        var phrases = Assert.Single(Directory.GetFiles(Path.Combine(folder, "phrases")));
        Assert.StartsWith("snowflake-arctic-embed-xs-int8-", Path.GetFileName(phrases));
        var phrasesWritten = File.GetLastWriteTimeUtc(phrases);
        // One encoder both ranks and measures, so the index holds its vectors only.
        Assert.True(File.Exists(Path.Combine(key, "semantic.vectors")));
        Assert.False(File.Exists(Path.Combine(key, "ranking.vectors")));
        var written = File.GetLastWriteTimeUtc(manifest);

        var environment = new Dictionary<string, string> { ["Retrieval__IndexPath"] = folder };
        var readers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            CliProcess.RunAsync(environment, "ask", "In which city is Kazakhstan's embassy in Tajikistan?")));

        Assert.All(readers, r => Assert.True(r.ExitCode == 0, r.Stderr));
        Assert.All(readers, r => Assert.Contains("Dushanbe", r.Stdout));
        Assert.Equal(key, Assert.Single(Indexes()));
        Assert.Equal(written, File.GetLastWriteTimeUtc(manifest));
        Assert.Equal(modelWritten, File.GetLastWriteTimeUtc(model));
        Assert.Equal([phrases], Directory.GetFiles(Path.Combine(folder, "phrases")));
        Assert.Equal(phrasesWritten, File.GetLastWriteTimeUtc(phrases));
    }

    [Fact]
    public async Task Index_refuses_more_than_one_folder()
    {
        var (exitCode, _, stderr) = await CliProcess.RunAsync(null, "index", folder, "another");

        Assert.Equal(2, exitCode);
        Assert.Contains("index: Unrecognized argument 'another'", stderr);
    }

    private IEnumerable<string> Indexes() => Directory.GetDirectories(folder).Where(d => Path.GetFileName(d) is not ("models" or "phrases"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
