using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace TajKazBot.Tests.Support;

/// <summary>The real bot host on Kestrel at 127.0.0.1 (a free port), with optional setting overrides.</summary>
public sealed class BotHost : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly ILoggerProvider? logs;

    /// <param name="logs">Also receives every log line, at every level.</param>
    public BotHost(IReadOnlyDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        this.settings = settings ?? new Dictionary<string, string?>();
        this.logs = logs;
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
    }

    public HttpClient Client() => CreateClient();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
        if (logs is not null)
        {
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        }
    }
}
