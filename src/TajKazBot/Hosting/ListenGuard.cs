using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace TajKazBot.Hosting;

/// <summary>
/// Without an app id the bot authenticates nobody, so it must not be reachable from other machines by
/// accident: once the server knows its addresses, a non-loopback one stops the bot with exit code 1,
/// unless <see cref="EndpointSettings.AllowUnauthenticatedRemote"/> says it is meant (then it warns).
/// <see cref="ActivityGate"/> also refuses requests from other machines in that case, for the moment between.
/// </summary>
public sealed class ListenGuard(IServer server, IHostApplicationLifetime lifetime, IOptions<EndpointSettings> options, IConfiguration configuration,
    ILogger<ListenGuard> logger) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!ActivityGate.IsLocalMode(configuration))
        {
            return Task.CompletedTask;
        }
        var exposed = (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []).Where(a => !IsLoopback(a)).ToList();
        if (exposed.Count == 0)
        {
            return Task.CompletedTask;
        }
        if (options.Value.AllowUnauthenticatedRemote)
        {
            logger.LogWarning("Listening on {Addresses} without MicrosoftAppId: anyone who can reach it can use the bot unauthenticated (Endpoint:AllowUnauthenticatedRemote is true)",
                string.Join(", ", exposed));
            return Task.CompletedTask;
        }
        logger.LogCritical("Not starting: {Addresses} is reachable from other machines and MicrosoftAppId is empty, so nobody would be authenticated. Listen on localhost, set MicrosoftAppId, or set Endpoint:AllowUnauthenticatedRemote=true",
            string.Join(", ", exposed));
        Environment.ExitCode = 1;
        lifetime.StopApplication();
        return Task.CompletedTask;
    }

    /// <summary>"http://localhost:3978", "http://127.0.0.1:0", "http://[::1]:80" are loopback; "http://0.0.0.0", "http://+:80", "http://*:80" are not.</summary>
    public static bool IsLoopback(string address)
    {
        var host = address.Split("://", 2)[^1].Split('/')[0];
        host = host.StartsWith('[') ? host[1..host.IndexOf(']')] : host.Split(':')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
