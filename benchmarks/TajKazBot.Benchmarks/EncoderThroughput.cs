using System.Diagnostics;
using TajKazBot.Core.Retrieval;

namespace TajKazBot.Benchmarks;

/// <summary>
/// Questions a second of the encoders alone, one call per question, as many calls at once as the pool has
/// sessions (one per core), no two questions alike, the texts benchmarks/load.lua sends the bot: the throughput a
/// hybrid turn, which needs one call of each encoder, can at best approach.
/// </summary>
public static class EncoderThroughput
{
    public static async Task<int> RunAsync(double seconds, TextWriter output)
    {
        using var miniLm = SentenceEncoderGenerator.MiniLM();
        using var arctic = SentenceEncoderGenerator.ArcticXsInt8();
        using var arcticFloat = SentenceEncoderGenerator.ArcticXs();
        var minilmRate = await MeasureAsync(q => miniLm.GenerateAsync([q]), seconds);
        var arcticRate = await MeasureAsync(q => arctic.GenerateAsync([SentenceEmbedder.ArcticQueryPrefix + q]), seconds);
        var arcticFloatRate = await MeasureAsync(q => arcticFloat.GenerateAsync([SentenceEmbedder.ArcticQueryPrefix + q]), seconds);
        var bothRate = await MeasureAsync(async q =>
        {
            await miniLm.GenerateAsync([q]);
            await arctic.GenerateAsync([SentenceEmbedder.ArcticQueryPrefix + q]);
        }, seconds);
        await output.WriteLineAsync($"minilm_questions_per_second {minilmRate:0.0}");
        // arctic-embed-xs as the bot runs it by default (8-bit weights), then the package's float model.
        await output.WriteLineAsync($"arctic_questions_per_second {arcticRate:0.0}");
        await output.WriteLineAsync($"arctic_float_questions_per_second {arcticFloatRate:0.0}");
        await output.WriteLineAsync($"both_encoders_questions_per_second {bothRate:0.0}");
        return 0;
    }

    private static async Task<double> MeasureAsync(Func<string, Task> call, double seconds)
    {
        // Warmed up like the bots in load.sh (briefly: little managed code runs here), on texts the measurement does not ask.
        var warmUp = Stopwatch.StartNew();
        for (var i = 40_000; warmUp.Elapsed.TotalSeconds < Math.Min(2, seconds); i++)
        {
            await call(BenchmarkQuestions.Load(i));
        }
        long next = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                await call(BenchmarkQuestions.Load(Interlocked.Increment(ref next) % 40_000));
            }
        }));
        await Task.WhenAll(workers);
        return Interlocked.Read(ref next) / clock.Elapsed.TotalSeconds;
    }
}
