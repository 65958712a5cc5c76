using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests.Reliability;

/// <summary>
/// The bot tried from outside, as its built executable: hostile inputs, oversize bodies, bad tokens,
/// sustained load and many conversations. Every figure goes into one line; <see cref="Problems"/> lists
/// what broke the bar.
/// </summary>
public sealed class ReliabilitySuite(ReliabilityScale scale)
{
    private static readonly string[] Questions =
    [
        "Where is Kazakhstan's embassy in Tajikistan?", "What do Tajikistan and Kazakhstan trade?", "When did diplomatic relations start?",
        "Which kinds of infrastructure in particular?", "Who won the 2018 FIFA World Cup?", "more", "topics", "help",
    ];

    private readonly List<string> figures = [];

    public List<string> Problems { get; } = [];

    public string Figures => string.Join(" ", figures);

    public async Task RunAsync()
    {
        await using (var bot = await IsolatedBotProcess.StartAsync(Environment(new Dictionary<string, string> { ["Retrieval__Semantic"] = scale.Semantic ? "true" : "false" })))
        {
            await FuzzAsync(bot);
            await OversizeAsync(bot);
            await LoadAsync(bot);
            var logged = bot.Output.Count(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal));
            figures.Add($"errors_logged={logged}");
            var lines = bot.Output.ToList();
            var firstErrors = lines.Select((l, i) => (l, i)).Where(x => x.l.StartsWith("fail:", StringComparison.Ordinal)).Take(3)
                .Select(x => string.Join(" / ", lines.Skip(x.i).Take(4)));
            Check(logged == 0, $"{logged} error lines in the bot's log: {string.Join(" | ", firstErrors)}");
        }
        if (scale.Authentication)
        {
            await AuthenticationAsync();
        }
        if (scale.FirstConversations > 0)
        {
            await MemoryAsync();
        }
    }

    private static Dictionary<string, string> Environment(Dictionary<string, string>? more = null)
    {
        var environment = new Dictionary<string, string>
        {
            // Frequent, compacting collections, so resident memory follows what is live rather than the GC's budget.
            ["DOTNET_gcServer"] = "0",
            ["DOTNET_GCgen0size"] = "0x800000",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in more ?? [])
        {
            environment[key] = value;
        }
        return environment;
    }

    private void Check(bool holds, string problem)
    {
        if (!holds)
        {
            Problems.Add(problem);
        }
    }

    private static HttpContent Json(string body, string? contentType = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private async Task FuzzAsync(IsolatedBotProcess bot)
    {
        using var client = bot.Client();
        var statuses = new ConcurrentDictionary<int, int>();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            var inputs = new HostileInputs(worker);
            while (Interlocked.Increment(ref next) < scale.HostileInputs)
            {
                var (contentType, body) = inputs.Next();
                int status;
                try
                {
                    using var response = await client.PostAsync("api/messages", Json(body, contentType));
                    status = (int)response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    status = 0;
                }
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            }
        }));
        var histogram = string.Join(",", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}:{s.Value}"));
        figures.Add($"fuzz={scale.HostileInputs} in {clock.Elapsed.TotalSeconds:0}s, statuses {histogram}");
        // 501 is Bot Framework's answer to an invoke the bot does not handle; anything else above 499 is a failure.
        var failures = statuses.Where(s => s.Key == 0 || (s.Key >= 500 && s.Key != 501)).Sum(s => s.Value);
        Check(failures == 0, $"fuzz: {failures} requests failed or got a 5xx other than 501");
    }

    private async Task OversizeAsync(IsolatedBotProcess bot)
    {
        using var client = bot.Client();
        var megabyte = "{\"type\":\"message\",\"text\":\"" + new string('a', 1024 * 1024) + "\"}";
        await client.PostAsync("api/messages", Json(megabyte));
        var clock = Stopwatch.StartNew();
        using var one = await client.PostAsync("api/messages", Json(megabyte));
        var took = clock.Elapsed;
        var before = bot.ResidentBytes();
        var eight = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostAsync("api/messages", Json(megabyte))));
        var rise = (bot.ResidentBytes() - before) / 1024.0 / 1024.0;
        figures.Add(FormattableString.Invariant($"| 1MB: {(int)one.StatusCode} in {took.TotalMilliseconds:0}ms, 8 at once: RSS +{rise:0.0}MB"));
        Check(one.StatusCode == HttpStatusCode.RequestEntityTooLarge && eight.All(r => r.StatusCode == HttpStatusCode.RequestEntityTooLarge), "1 MB body not refused with 413");
        Check(rise < 20, $"eight 1 MB bodies raised RSS by {rise:0.0} MB");
    }

    private async Task LoadAsync(IsolatedBotProcess bot)
    {
        using var client = bot.Client();
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var stop = DateTime.UtcNow + scale.LoadDuration;
        await Task.WhenAll(Enumerable.Range(0, scale.LoadConnections).Select(async worker =>
        {
            for (var i = 0; DateTime.UtcNow < stop; i++)
            {
                var activity = Activities.Message(Questions[(worker + i) % Questions.Length], HostileInputs.ServiceUrl, $"load-{worker}-{i % 5}", deliveryMode: "expectReplies");
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = await client.PostAsync("api/messages", Json(activity.ToJsonString()));
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                }
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }
        }));
        var sorted = latencies.Order().ToList();
        var percentile = (double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
        figures.Add(FormattableString.Invariant(
            $"| load {scale.LoadConnections}x{scale.LoadDuration.TotalSeconds:0}s: {sorted.Count} req, {sorted.Count / scale.LoadDuration.TotalSeconds:0}/s, non2xx={failures}, p50={percentile(0.5):0}ms p99={percentile(0.99):0}ms"));
        Check(failures == 0, $"load: {failures} non-2xx or failed requests");
    }

    private async Task AuthenticationAsync()
    {
        using var stalled = new StalledServer();
        await using var openId = new OpenIdServer();
        var metadata = $"https://127.0.0.1:{stalled.Port}/v1/.well-known/openidconfiguration";
        await using var bot = await IsolatedBotProcess.StartAsync(Environment(new Dictionary<string, string>
        {
            ["Retrieval__Semantic"] = "false",
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = "9f5c1a52-6a0e-4d0b-8f65-5b2b3c3f0a11",
            ["MicrosoftAppPassword"] = "unused",
            ["ToBotFromChannelOpenIdMetadataUrl"] = metadata,
            ["ToBotFromEmulatorOpenIdMetadataUrl"] = metadata,
            ["ToBotFromChannelTokenIssuer"] = OpenIdServer.Issuer,
            ["ToChannelFromBotLoginUrl"] = "https://login.microsoftonline.com/botframework.com",
            ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
            ["OAuthUrl"] = "https://api.botframework.com",
        }));
        using var client = bot.Client();
        var results = new List<string>();
        foreach (var (name, token) in new[] { ("garbage", "garbage"), ("self-signed", openId.Token("9f5c1a52-6a0e-4d0b-8f65-5b2b3c3f0a11", HostileInputs.ServiceUrl)) })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = Json(Activities.Message("trade", HostileInputs.ServiceUrl, "auth").ToJsonString()) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var clock = Stopwatch.StartNew();
            using var response = await client.SendAsync(request);
            results.Add(FormattableString.Invariant($"{name} {(int)response.StatusCode} in {clock.Elapsed.TotalMilliseconds:0}ms"));
            Check(response.StatusCode == HttpStatusCode.Unauthorized && clock.Elapsed < TimeSpan.FromSeconds(2), $"auth {name}: {(int)response.StatusCode} in {clock.Elapsed}");
        }
        figures.Add("| app id, metadata unreachable: " + string.Join(", ", results));
    }

    /// <summary>Resident memory after a full collection, the median of three, since what the GC keeps committed varies between collections.</summary>
    private static async Task<long> SettledResidentBytesAsync(IsolatedBotProcess bot)
    {
        var readings = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            await bot.CollectGarbageAsync();
            readings.Add(bot.ResidentBytes());
        }
        return readings.Order().ElementAt(1);
    }

    private async Task MemoryAsync()
    {
        // Lexical retrieval: the state each conversation leaves is the same, and 50,000 turns take minutes, not a quarter hour.
        await using var bot = await IsolatedBotProcess.StartAsync(Environment(new Dictionary<string, string> { ["Retrieval__Semantic"] = "false" }));
        using var client = bot.Client();
        var sent = 0;
        async Task ConverseAsync(int upTo)
        {
            await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
            {
                int n;
                while ((n = Interlocked.Increment(ref sent)) <= upTo)
                {
                    var activity = Activities.Message(Questions[n % 4], HostileInputs.ServiceUrl, $"memory-{n}", deliveryMode: "expectReplies");
                    using var response = await client.PostAsync("api/messages", Json(activity.ToJsonString()));
                }
            }));
            sent = upTo;
        }
        await ConverseAsync(scale.FirstConversations);
        var first = await SettledResidentBytesAsync(bot);
        var series = new List<long> { first };
        for (var step = 1; step <= 4; step++)
        {
            await ConverseAsync(scale.FirstConversations + scale.MoreConversations * step / 4);
            series.Add(await SettledResidentBytesAsync(bot));
        }
        var after = series[^1];
        var growth = (double)after / first - 1;
        figures.Add(string.Create(CultureInfo.InvariantCulture,
            $"| RSS after full GC at {scale.FirstConversations}..{scale.FirstConversations + scale.MoreConversations} conversations: {string.Join(", ", series.Select(b => b / 1048576))} MB ({growth:+0.0%;-0.0%})"));
        Check(growth < 0.15, $"memory grew {growth:P1} from {scale.FirstConversations} to {scale.FirstConversations + scale.MoreConversations} conversations");
    }
}
