using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TajKazBot.Tests.Support;

/// <summary>The real bot host on Kestrel at 127.0.0.1 (a free port), with optional setting overrides.</summary>
public sealed class BotHost : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? services;

    /// <summary>The feedback log this host made up (none when the caller named one), deleted with the host.</summary>
    private readonly string? ownFeedbackLog;

    public BotHost(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        this.services = services;
        // Tests never write feedback into the repository.
        this.settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Feedback:LogPath"] = settings?.GetValueOrDefault("Feedback:LogPath") ?? (ownFeedbackLog = TempFiles.FeedbackLog()),
            // A model configured on the developer's machine (environment, user secrets) must not change the tests.
            ["Model:Provider"] = settings?.GetValueOrDefault("Model:Provider") ?? "None",
        };
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
    }

    public HttpClient Client() => CreateClient();

    /// <summary>Both Dispose and DisposeAsync of the factory end here.</summary>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        TempFiles.Delete(ownFeedbackLog);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
        builder.ConfigureServices(services => services.UseSharedEncoders());
        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }
}
