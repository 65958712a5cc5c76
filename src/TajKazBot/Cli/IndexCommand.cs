using System.Diagnostics;
using TajKazBot.Core.Retrieval;
using TajKazBot.Hosting;

namespace TajKazBot.Cli;

/// <summary>
/// <c>index [folder]</c>: writes the prebuilt index (Lucene index and every encoder's vectors) to the folder, by
/// default <c>Retrieval:IndexPath</c>, so that a deployment builds it once and every instance starts by reading it.
/// </summary>
public static class IndexCommand
{
    /// <param name="folder">The folder given on the command line, or null for the setting's.</param>
    public static async Task<int> RunAsync(IServiceProvider services, string contentRoot, string? folder, TextWriter output, CancellationToken cancellationToken)
    {
        var root = folder ?? services.GetRequiredService<IOptions<RetrievalOptions>>().Value.IndexPath;
        if (string.IsNullOrWhiteSpace(root))
        {
            await Console.Error.WriteLineAsync("Retrieval:IndexPath is empty: give a folder, e.g. index .index");
            return 2;
        }
        var clock = Stopwatch.StartNew();
        using var index = await ServiceRegistration.OpenOrBuildIndexAsync(services, contentRoot, folder, cancellationToken);
        var written = Path.Combine(ServiceRegistration.Resolve(contentRoot, root), index.Key);
        await output.WriteLineAsync($"index {index.Key} of {index.Lexical.Passages.Count} passages in {written} ({clock.Elapsed.TotalSeconds:0.0} s)");
        return 0;
    }
}
