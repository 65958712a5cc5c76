using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests.Hosting;

/// <summary>
/// With an app id set, the built bot checks every token with Bot Framework's own validation against
/// OpenID metadata named by its settings (<c>ToBotFromChannelOpenIdMetadataUrl</c>), here a loopback HTTPS
/// server whose key signs the test tokens: a good token is answered; every bad one gets 401 quickly,
/// with one warning and no stack trace.
/// </summary>
[StartsFirst]
public sealed class AuthenticationTests(AuthenticationTests.Host host) : IClassFixture<AuthenticationTests.Host>
{
    private const string AppId = "9f5c1a52-6a0e-4d0b-8f65-5b2b3c3f0a11";
    private const string ServiceUrl = "https://smba.trafficmanager.test/emea/";

    /// <summary>Generous: the point is "seconds, not minutes", on a loaded two-core machine.</summary>
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(5);

    public sealed class Host : IAsyncLifetime
    {
        public OpenIdServer OpenId { get; } = new();

        public IsolatedBotProcess Bot { get; private set; } = null!;

        public async Task InitializeAsync() => Bot = await IsolatedBotProcess.StartAsync(new Dictionary<string, string>(Authenticated(OpenId.MetadataUrl))
        {
            // The bot process trusts the loopback server's certificate, and only that.
            ["SSL_CERT_FILE"] = OpenId.CertificatePemPath,
            ["Retrieval__Semantic"] = "false",
        });

        public async Task DisposeAsync()
        {
            await Bot.DisposeAsync();
            await OpenId.DisposeAsync();
        }
    }

    /// <summary>An app id, and Bot Framework's settings for a private cloud: where the keys are and who issues tokens.</summary>
    private static Dictionary<string, string> Authenticated(string metadataUrl) => new()
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "not-used-by-these-tests",
        ["ToBotFromChannelOpenIdMetadataUrl"] = metadataUrl,
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = metadataUrl,
        ["ToBotFromChannelTokenIssuer"] = OpenIdServer.Issuer,
        ["ToChannelFromBotLoginUrl"] = "https://login.microsoftonline.com/botframework.com",
        ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
        ["OAuthUrl"] = "https://api.botframework.com",
    };

    private static async Task<(HttpStatusCode Status, TimeSpan Took)> SendAsync(HttpClient to, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = JsonContent.Create(Activities.Message("Where is Kazakhstan's embassy in Tajikistan?", ServiceUrl, "conv-auth-" + Guid.NewGuid().ToString("N")[..6], deliveryMode: "expectReplies")),
        };
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }
        var clock = Stopwatch.StartNew();
        var response = await to.SendAsync(request);
        return (response.StatusCode, clock.Elapsed);
    }

    /// <summary>The bot's console lines from <paramref name="from"/> on, once the console has caught up.</summary>
    private async Task<List<string>> LoggedSinceAsync(int from, bool expectWarning)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (expectWarning && !host.Bot.Output.Skip(from).Any(IsProblem) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        await Task.Delay(300);
        return host.Bot.Output.Skip(from).ToList();
    }

    private static bool IsProblem(string line) =>
        line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal);

    [Fact]
    public async Task A_token_signed_by_the_channel_s_key_is_answered()
    {
        using var client = host.Bot.Client();
        var before = host.Bot.Output.Count;

        var (status, _) = await SendAsync(client, "Bearer " + host.OpenId.Token(AppId, ServiceUrl));

        var logged = await LoggedSinceAsync(before, expectWarning: false);
        Assert.True(status == HttpStatusCode.OK, $"HTTP {(int)status}\n" + string.Join("\n", logged));
        Assert.DoesNotContain(logged, IsProblem);
    }

    public static TheoryData<string> BadTokens() => ["none", "garbage", "not bearer", "expired", "wrong audience", "wrong issuer", "wrong key", "unsigned", "other serviceUrl"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Every_token_problem_gets_401_quickly_with_one_warning_and_no_stack_trace(string problem)
    {
        using var otherKey = RSA.Create(2048);
        var openId = host.OpenId;
        var authorization = problem switch
        {
            "none" => null,
            "garbage" => "Bearer garbage",
            "not bearer" => "Basic dXNlcjpwYXNz",
            "expired" => "Bearer " + openId.Token(AppId, ServiceUrl, expires: DateTime.UtcNow.AddHours(-1)),
            "wrong audience" => "Bearer " + openId.Token("another-bot", ServiceUrl),
            "wrong issuer" => "Bearer " + openId.Token(AppId, ServiceUrl, issuer: "https://evil.example"),
            "wrong key" => "Bearer " + openId.Token(AppId, ServiceUrl, signingKey: otherKey),
            "unsigned" => "Bearer " + OpenIdServer.Unsigned(AppId, ServiceUrl),
            _ => "Bearer " + openId.Token(AppId, "https://evil.example/"),
        };
        using var client = host.Bot.Client();
        var before = host.Bot.Output.Count;

        var (status, took) = await SendAsync(client, authorization);

        var logged = await LoggedSinceAsync(before, expectWarning: true);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.True(took < Quickly, $"took {took}");
        Assert.Single(logged, IsProblem);
        Assert.DoesNotContain(logged, line => line.StartsWith("   at ", StringComparison.Ordinal) || line.Contains("--- End of", StringComparison.Ordinal));
    }

    /// <summary>
    /// A metadata endpoint that never answers: every request gets 401 within the time limit, with no stack
    /// trace logged. Bot Framework's own client would also hold each fetch for 100 s and fetch again for every
    /// request that waited on it; the bot's client gives up after <c>Endpoint:MetadataTimeout</c> (1 s here)
    /// and, after two failures, stops fetching for a while however many requests come.
    /// </summary>
    [Fact]
    public async Task When_the_metadata_cannot_be_fetched_tokens_get_401_quickly_and_fetches_end_and_back_off()
    {
        using var stalled = new StalledServer();
        var logs = new FakeLoggerProvider();
        using var bot = new BotHost(WithMetadataAt(stalled, ("Endpoint:MetadataTimeout", "00:00:01")),
            services => services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs)));
        var client = bot.Client();
        var token = "Bearer " + host.OpenId.Token(AppId, ServiceUrl);

        var burst = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => SendAsync(client, token)));

        Assert.All(burst, r => Assert.Equal(HttpStatusCode.Unauthorized, r.Status));
        Assert.All(burst, r => Assert.True(r.Took < Quickly, $"took {r.Took}"));
        // The 1 s timeout closes the fetch; the SDK's own client would hold it for 100 s. Waiting up to four times
        // "quickly" tells the two apart even when the test run loads both cores (5 s was once not enough in CI).
        var clock = Stopwatch.StartNew();
        while (stalled.Closed == 0 && clock.Elapsed < 4 * Quickly)
        {
            await Task.Delay(50);
        }
        Assert.True(stalled.Closed > 0, $"the first fetch was still open {clock.Elapsed} after the burst ({stalled.Opened} opened)");

        // Requests for several timeouts' worth of time: without a back-off each of them would start a fetch.
        for (var i = 0; i < 12; i++)
        {
            var (status, took) = await SendAsync(client, token);
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.True(took < Quickly, $"took {took}");
            await Task.Delay(250);
        }
        Assert.True(stalled.Opened <= 2, $"{stalled.Opened} fetches were started by 17 requests");
        Assert.DoesNotContain(logs.Lines(), line => line.Contains("   at ", StringComparison.Ordinal));
    }

    private static Dictionary<string, string?> WithMetadataAt(StalledServer stalled, params (string Key, string Value)[] more)
    {
        var settings = Authenticated($"https://127.0.0.1:{stalled.Port}/v1/.well-known/openidconfiguration")
            .ToDictionary(s => s.Key, s => (string?)s.Value);
        settings["Retrieval:Semantic"] = "false";
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }
        return settings;
    }
}
