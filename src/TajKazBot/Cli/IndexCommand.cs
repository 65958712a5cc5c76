using System.Diagnostics;
using TajKazBot.Core.Answering;
using TajKazBot.Core.Retrieval;
using TajKazBot.Hosting;

namespace TajKazBot.Cli;

/// <summary>
/// <c>index [folder]</c>: writes the prebuilt index (Lucene index and every encoder's vectors), the 8-bit encoder
/// model and the small-talk phrases' vectors to the folder, <c>Retrieval:IndexPath</c> (the command line's folder sets it), so that a deployment builds them
/// once and every instance starts by reading them.
/// </summary>
public static class IndexCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string contentRoot, TextWriter output, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<RetrievalOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.IndexPath))
        {
            await Console.Error.WriteLineAsync("Retrieval:IndexPath is empty: give a folder, e.g. index .index");
            return 2;
        }
        var clock = Stopwatch.StartNew();
        using var index = await ServiceRegistration.OpenOrBuildIndexAsync(services, contentRoot, null, cancellationToken);
        if (options is { Semantic: true, QuantizedArctic: true } && options.Encoders != SemanticEncoders.MiniLM)
        {
            // An index that was already there loads no encoder; the instances that read it will, so the model is written now.
            QuantizedArcticModel.Save(ServiceRegistration.Resolve(contentRoot, options.IndexPath));
        }
        // The small-talk phrases' vectors are written beside the index too (PhraseVectors), for the same reason.
        _ = services.GetRequiredService<SmallTalk>();
        var written = Path.Combine(ServiceRegistration.Resolve(contentRoot, options.IndexPath), index.Key);
        await output.WriteLineAsync($"index {index.Key} of {index.Lexical.Passages.Count} passages in {written} ({clock.Elapsed.TotalSeconds:0.0} s)");
        return 0;
    }
}
