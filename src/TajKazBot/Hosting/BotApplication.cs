using Microsoft.Extensions.Configuration.Memory;
using TajKazBot.Core.Corpus;
using TajKazBot.Core.Retrieval;
using TajKazBot.Rendering;

namespace TajKazBot.Hosting;

/// <summary>
/// The one composition root: the host the bot runs in, and the CLI commands and tests use too, with
/// the settings from appsettings, user secrets, the environment and the command line.
/// </summary>
public static class BotApplication
{
    /// <param name="hostArgs">Host settings from the command line, e.g. <c>--urls</c> or <c>Retrieval:Semantic=false</c>.</param>
    /// <param name="forCommand">True for a CLI command: its stdout stays for its output, warnings go to stderr.</param>
    public static WebApplication Build(string[] hostArgs, string contentRoot, bool forCommand)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostArgs, ContentRootPath = contentRoot });
        // Below every other source, the log levels appsettings.sample.json documents: ASP.NET Core's two lines
        // per request and the SDK's line per activity (logged under the adapter's name) only at Warning. On the
        // console they cost more than a lexical answer; turns are counted, by kind, in the metrics.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                [$"Logging:LogLevel:{typeof(AdapterWithErrorHandler).FullName}"] = "Warning",
            },
        });
        // User secrets in every environment (the README keeps the app password and model key there), then the
        // environment and command line again so they still override secrets and files.
        builder.Configuration.AddUserSecrets<Program>(optional: true);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(hostArgs);
        if (forCommand)
        {
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls("http://localhost:3978");
        }

        builder.Services.AddQuestionAnswering(builder.Configuration, contentRoot);
        builder.Services.AddConversation(builder.Configuration, contentRoot);
        builder.Services.AddMessagesEndpoint(builder.Configuration);
        builder.Services.AddConversationStorage(builder.Configuration);
        builder.Services.AddOperations(builder.Configuration);
        return builder.Build();
    }

    /// <summary>Checks every setting at once; false (with each failure written to stderr) when one is invalid.</summary>
    public static async Task<bool> ValidateAsync(WebApplication app)
    {
        var failures = SettingFailures(app);
        if (failures.Count > 0)
        {
            await Console.Error.WriteLineAsync("Invalid settings, not starting:\n  " + string.Join("\n  ", failures));
        }
        return failures.Count == 0;
    }

    /// <summary>What is wrong with the settings, one line a failure naming its key; empty when all are valid.</summary>
    public static IReadOnlyList<string> SettingFailures(WebApplication app)
    {
        try
        {
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (Exception invalid) when (invalid is OptionsValidationException or InvalidOperationException or AggregateException)
        {
            // Validation failures name their key; a value the binder cannot convert ("Model:Provider=Foo") says which in its message.
            return [.. (invalid is AggregateException all ? all.InnerExceptions : [invalid])
                .SelectMany(e => e is OptionsValidationException validation ? validation.Failures : [e.Message])];
        }
    }

    /// <summary>
    /// Runs the bot. The index opens (or is built) while the server starts, and no request is served before
    /// it has: <c>/healthz</c> answers 200 only with the index loaded, and <c>/readyz</c> says it is loading.
    /// </summary>
    public static async Task<int> RunAsync(string[] hostArgs, string contentRoot)
    {
        var app = Build(hostArgs, contentRoot, forCommand: false);
        if (!await ValidateAsync(app))
        {
            return 1;
        }
        var loading = Task.Run(() =>
        {
            var passages = app.Services.GetRequiredService<LexicalIndex>().Passages.Count;
            app.Services.GetRequiredService<IPassageRetriever>();
            app.Services.GetRequiredService<IndexHealthCheck>().Loaded(passages);
            return passages;
        });
        app.MapEndpoints(loading);

        await app.StartAsync();
        try
        {
            var passages = await loading;
            app.Logger.LogInformation("Indexed {Passages} passages from {Documents} documents", passages, app.Services.GetRequiredService<LoadedCorpus>().Documents.Count);
            app.Services.GetRequiredService<SuggestedQuestions>().Start();
        }
        catch
        {
            await app.StopAsync();
            throw;
        }
        await app.WaitForShutdownAsync();
        // ListenGuard sets 1 when it stopped the bot.
        return Environment.ExitCode;
    }

    private static void MapEndpoints(this WebApplication app, Task<int> loading)
    {
        // Messages wait for the index rather than each blocking a thread on it; /readyz says it is loading.
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api/messages"))
            {
                await loading;
            }
            await next(context);
        });
        app.MapGet("/healthz", async () => Results.Ok(new { status = "ok", passages = await loading }));
        app.MapOperations();
        app.MapPost("/api/messages", MessagesEndpoint.HandleAsync);
    }
}
