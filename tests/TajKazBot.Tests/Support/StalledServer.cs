using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace TajKazBot.Tests.Support;

/// <summary>
/// Accepts TCP connections on loopback and never says a word: a metadata endpoint that cannot be reached.
/// It counts the connections callers open and the ones they give up on (close).
/// </summary>
public sealed class StalledServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<Socket> held = [];
    private readonly CancellationTokenSource stop = new();
    private int opened;
    private int closed;

    public StalledServer()
    {
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var socket = await listener.AcceptSocketAsync(stop.Token);
                Interlocked.Increment(ref opened);
                held.Add(socket);
                _ = WatchAsync(socket);
            }
        });
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Connections opened so far: one a fetch, since a caller that gives up closes its connection.</summary>
    public int Opened => Volatile.Read(ref opened);

    /// <summary>Connections the caller has closed.</summary>
    public int Closed => Volatile.Read(ref closed);

    /// <summary>Reads (and ignores) what the caller sends until it closes the connection.</summary>
    private async Task WatchAsync(Socket socket)
    {
        var buffer = new byte[4096];
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, stop.Token) > 0)
            {
            }
            Interlocked.Increment(ref closed);
        }
        catch (SocketException)
        {
            Interlocked.Increment(ref closed);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        foreach (var socket in held)
        {
            socket.Dispose();
        }
        stop.Dispose();
    }
}
