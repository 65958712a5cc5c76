using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace TajKazBot.Tests.Support;

/// <summary>Accepts TCP connections on loopback and never says a word: a metadata endpoint that cannot be reached.</summary>
public sealed class StalledServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<Socket> held = [];
    private readonly CancellationTokenSource stop = new();

    public StalledServer()
    {
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                held.Add(await listener.AcceptSocketAsync(stop.Token));
            }
        });
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

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
