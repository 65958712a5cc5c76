using BenchmarkDotNet.Running;
using TajKazBot.Benchmarks;

// `throughput [seconds]` measures the encoders alone (the load test's yardstick); anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "throughput")
{
    return await EncoderThroughput.RunAsync(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 8, Console.Out);
}
BenchmarkSwitcher.FromAssembly(typeof(QuestionStages).Assembly).Run(args);
return 0;
