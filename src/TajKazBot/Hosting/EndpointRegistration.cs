using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using TajKazBot.Conversation;

namespace TajKazBot.Hosting;

/// <summary>The bot's HTTP endpoint: authentication, the adapter, the checks before it and the limits on calls back to channels.</summary>
public static class EndpointRegistration
{
    public static IServiceCollection AddMessagesEndpoint(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EndpointSettings>().Bind(configuration.GetSection(EndpointSettings.Section))
            .Validate(s => s.MaxRequestBytes is >= 4096 and <= 64 * 1024 * 1024, "Endpoint:MaxRequestBytes must be between 4096 and 67108864.")
            .Validate(s => s.MaxConversationIdChars is >= 16 and <= 65536, "Endpoint:MaxConversationIdChars must be between 16 and 65536.")
            .Validate(s => s.AuthenticationTimeout >= TimeSpan.FromMilliseconds(100) && s.AuthenticationTimeout <= TimeSpan.FromMinutes(1), "Endpoint:AuthenticationTimeout must be between 00:00:00.1 and 00:01:00.")
            .Validate(s => s.MetadataTimeout >= TimeSpan.FromMilliseconds(100) && s.MetadataTimeout <= TimeSpan.FromMinutes(1), "Endpoint:MetadataTimeout must be between 00:00:00.1 and 00:01:00.")
            .Validate(s => s.ConnectorTimeout >= TimeSpan.FromSeconds(1) && s.ConnectorTimeout <= TimeSpan.FromMinutes(5), "Endpoint:ConnectorTimeout must be between 00:00:01 and 00:05:00.")
            .Validate(s => s.AllowedServiceHosts.All(h => Uri.CheckHostName(h) != UriHostNameType.Unknown), "Endpoint:AllowedServiceHosts must hold host names only (no scheme, port or path).")
            .ValidateOnStart();

        // Bot Framework creates its connector clients (replies) from the default client; without a timeout of
        // our own a channel that never answers holds the turn for HttpClient's 100 s. Its per-request log
        // lines would name every serviceUrl at Information level, so they are left out.
        services.AddHttpClient(Options.DefaultName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<EndpointSettings>>().Value.ConnectorTimeout)
            .RemoveAllLoggers();
        services.AddOpenIdMetadataClient();
        services.AddSingleton<BotFrameworkAuthentication>(sp =>
        {
            OpenIdMetadataClient.ClaimMetadataUrls(sp.GetRequiredService<IHttpClientFactory>(), configuration);
            return new DeferredClientsAuthentication(new ConfigurationBotFrameworkAuthentication(
                configuration,
                httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
                logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()));
        });
        services.AddSingleton<ConversationTurnLock>();
        services.AddSingleton<IBotFrameworkHttpAdapter, AdapterWithErrorHandler>();
        services.AddSingleton<ActivityGate>();
        services.AddHostedService<ListenGuard>();
        return services;
    }
}
