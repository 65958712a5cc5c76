using System.Collections.Concurrent;
using System.Diagnostics;

namespace TajKazBot.Tests.Support;

/// <summary>
/// The built bot as its own process (<c>dotnet TajKazBot.dll</c>) on a free loopback port, as an instance
/// behind a load balancer runs; it can be killed outright, which an in-process host cannot show.
/// </summary>
public sealed class BotProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly string feedbackLog = TempFiles.FeedbackLog();

    public BotProcess(IReadOnlyDictionary<string, string> environment)
    {
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "TajKazBot.dll"), "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }
        // As in BotHost: no feedback into the repository, no model from the developer's machine.
        start.Environment["Feedback__LogPath"] = feedbackLog;
        start.Environment["Model__Provider"] = "None";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public HttpClient Client { get; }

    public async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await Client.GetAsync("/readyz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet: the index is still being built.
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("The bot process did not become ready:\n" + string.Join('\n', output));
    }

    /// <summary>Ends the process at once (SIGKILL): nothing is flushed or saved on the way out.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
        Client.Dispose();
        TempFiles.Delete(feedbackLog);
    }
}
