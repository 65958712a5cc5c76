using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.IdentityModel.Tokens;
using Polly;

namespace TajKazBot.Hosting;

/// <summary>
/// The HttpClient that Bot Framework fetches OpenID metadata and signing keys with: each fetch is cut off
/// after <see cref="EndpointSettings.MetadataTimeout"/>, and after two failed fetches in a row none is tried
/// for 30 s, then 60 s, up to 5 minutes, until one succeeds.
/// </summary>
/// <remarks>
/// Bot Builder 4.23 fetches with a static HttpClient of its own (100 s, no back-off) and takes no factory for
/// it. It does keep one <c>ConfigurationManager</c> per metadata URL in a static cache of
/// <see cref="JwtTokenExtractor"/>, created with the client of the first extractor made for that URL, so an
/// extractor made here for each URL before any request puts this client there. The back-off has to be in the
/// client: until a first fetch succeeds, the manager fetches again for every request that waits on it,
/// with no cancellation. The pipeline logs nothing itself; the endpoint's one warning line a request says it.
/// </remarks>
public static class OpenIdMetadataClient
{
    public const string Name = "openid-metadata";

    private static readonly TimeSpan FirstBackOff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestBackOff = TimeSpan.FromMinutes(5);

    public static IServiceCollection AddOpenIdMetadataClient(this IServiceCollection services)
    {
        services.AddKeyedSingleton(Name, (sp, _) => Pipeline(sp.GetRequiredService<IOptions<EndpointSettings>>().Value.MetadataTimeout));
        services.AddHttpClient(Name)
            .AddHttpMessageHandler(sp => new ResilienceHandler(sp.GetRequiredKeyedService<ResiliencePipeline<HttpResponseMessage>>(Name)))
            // The client lives as long as the process: renewing pooled connections keeps it following DNS.
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(15))
            .RemoveAllLoggers();
        return services;
    }

    /// <summary>
    /// Makes Bot Framework fetch with this client from the channel and emulator metadata URLs it checks tokens
    /// against: the configured ones, and the public and government clouds' defaults.
    /// </summary>
    public static void ClaimMetadataUrls(IHttpClientFactory factory, IConfiguration configuration)
    {
        var client = factory.CreateClient(Name);
        string?[] urls =
        [
            configuration["ToBotFromChannelOpenIdMetadataUrl"],
            configuration["ToBotFromEmulatorOpenIdMetadataUrl"],
            AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
            AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
            GovernmentAuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
            GovernmentAuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
        ];
        foreach (var url in urls.OfType<string>().Where(u => u.Length > 0).Distinct(StringComparer.Ordinal))
        {
            // Creating an extractor fetches nothing; it only registers the URL's configuration managers.
            _ = new JwtTokenExtractor(client, new TokenValidationParameters(), url, allowedSigningAlgorithms: null);
        }
    }

    private static ResiliencePipeline<HttpResponseMessage> Pipeline(TimeSpan timeout) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 2,
                // Long enough to hold two fetches that each ran into the timeout.
                SamplingDuration = TimeSpan.FromTicks(Math.Max(FirstBackOff.Ticks, 4 * timeout.Ticks)),
                BreakDurationGenerator = args => ValueTask.FromResult(
                    TimeSpan.FromTicks(Math.Min(LongestBackOff.Ticks, FirstBackOff.Ticks << Math.Min(args.HalfOpenAttempts, 8)))),
            })
            // Inside the breaker, so that a fetch cut off by the timeout counts as a failure.
            .AddTimeout(timeout)
            .Build();
}
