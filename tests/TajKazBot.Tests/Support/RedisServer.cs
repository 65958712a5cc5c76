using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TajKazBot.Tests.Support;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port, in a temporary folder, for one test class. It can
/// be stopped (saving its data, as a server shut down for maintenance does) and started again on the
/// same port. Tests that need it use <see cref="RedisFactAttribute"/>, which skips where the binary is missing.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"tajkazbot-redis-{Guid.NewGuid():N}");
    private Process? process;

    public RedisServer()
    {
        Port = LoopbackPort.Free();
        Directory.CreateDirectory(folder);
        if (Binary is not null)
        {
            Start();
        }
    }

    /// <summary>The redis-server executable (PATH, then Debian's and the usual install folders), or null.</summary>
    public static string? Binary { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Concat(["/usr/bin", "/usr/sbin", "/usr/local/bin"])
        .Select(dir => Path.Combine(dir, "redis-server"))
        .FirstOrDefault(File.Exists);

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public void Start()
    {
        var start = new ProcessStartInfo(Binary ?? throw new InvalidOperationException("redis-server is not installed."))
        {
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var arg in new[]
        {
            "--port", Port.ToString(), "--bind", "127.0.0.1", "--dir", folder, "--logfile", Path.Combine(folder, "redis.log"),
            // No periodic snapshots; Stop saves explicitly, so data survives a stop and start as it would a planned restart.
            "--save", "", "--appendonly", "no", "--daemonize", "no",
        })
        {
            start.ArgumentList.Add(arg);
        }
        process = Process.Start(start)!;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (Send("PING") != "+PONG")
        {
            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                throw new InvalidOperationException($"redis-server did not start on port {Port}: {File.ReadAllText(Path.Combine(folder, "redis.log"))}");
            }
            Thread.Sleep(50);
        }
    }

    /// <summary>Shuts the server down after saving its data to disk, and waits until it has exited.</summary>
    public void Stop()
    {
        if (process is null || process.HasExited)
        {
            return;
        }
        Send("SHUTDOWN SAVE");
        if (!process.WaitForExit(TimeSpan.FromSeconds(15)))
        {
            process.Kill();
        }
        process.Dispose();
        process = null;
    }

    public void Dispose()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        process?.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    /// <summary>One inline command over a raw socket, so starting and stopping the server needs no client library; null when unreachable.</summary>
    private string? Send(string command)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            client.ReceiveTimeout = 2000;
            var stream = client.GetStream();
            stream.Write(Encoding.ASCII.GetBytes(command + "\r\n"));
            var buffer = new byte[64];
            var read = stream.Read(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).TrimEnd();
        }
        catch (SocketException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
