using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using System.Net;
using System.Net.Sockets;

namespace TajKazBot.Tests.Support;

/// <summary>
/// The built bot as its own process on 127.0.0.1, for what needs a fresh process (its own trust store,
/// its own memory) rather than a host inside the test run. Its console output is kept line by line.
/// </summary>
public sealed class IsolatedBotProcess : IAsyncDisposable
{
    private readonly Process process;
    private string? feedbackLog;

    private IsolatedBotProcess(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public ConcurrentQueue<string> Output { get; } = [];

    public HttpClient Client() => new() { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(60) };

    public static async Task<IsolatedBotProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort()}/";
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TajKazBot.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUrl);
        // The tests' own settings must not come from a developer's machine.
        start.Environment["Model__Provider"] = "None";
        var feedbackLog = TempFiles.FeedbackLog();
        start.Environment["Feedback__LogPath"] = feedbackLog;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var bot = new IsolatedBotProcess(Process.Start(start)!, baseUrl) { feedbackLog = feedbackLog };
        bot.process.OutputDataReceived += (_, e) => bot.Keep(e.Data);
        bot.process.ErrorDataReceived += (_, e) => bot.Keep(e.Data);
        bot.process.BeginOutputReadLine();
        bot.process.BeginErrorReadLine();
        using var client = bot.Client();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline && !bot.process.HasExited)
        {
            try
            {
                if ((await client.GetAsync("healthz")).IsSuccessStatusCode)
                {
                    return bot;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        await bot.DisposeAsync();
        throw new InvalidOperationException("The bot did not start:\n" + string.Join("\n", bot.Output));
    }

    /// <summary>
    /// Makes the bot run a full, blocking garbage collection, as dotnet-gcdump does: through the runtime's
    /// diagnostics port, with the GC-heap-collect keyword of the runtime's event provider.
    /// </summary>
    public async Task CollectGarbageAsync()
    {
        const long gcHeapCollect = 0x800000;
        var session = new DiagnosticsClient(process.Id).StartEventPipeSession(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, gcHeapCollect)], requestRundown: false);
        var drain = session.EventStream.CopyToAsync(Stream.Null);
        await Task.Delay(TimeSpan.FromSeconds(2));
        session.Stop();
        await drain;
        session.Dispose();
    }

    /// <summary>Resident memory of the bot process, in bytes.</summary>
    public long ResidentBytes()
    {
        process.Refresh();
        return process.WorkingSet64;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            Output.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        TempFiles.Delete(feedbackLog);
    }
}
