using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using TajKazBot.Cli;
using TajKazBot.Core.Answering;
using TajKazBot.Core.Corpus;
using TajKazBot.Core.Retrieval;
using TajKazBot.Feedback;
using TajKazBot.Hosting;
using TajKazBot.Rendering;

var verb = args.Length > 0 && args[0] is "ask" or "eval" or "feedback" or "index" ? args[0] : null;
var hostArgs = verb is null ? args : [];
var contentRoot = ProjectRoot.Find();
if (args.Length > 0 && args[0] == "package")
{
    return await PackageCommand.RunAsync(args[1..], contentRoot, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostArgs, ContentRootPath = contentRoot });
// User secrets in every environment (the README keeps the app password and model key there), then the
// environment and command line again so they still override secrets and files.
builder.Configuration.AddUserSecrets<Program>(optional: true);
builder.Configuration.AddEnvironmentVariables();
builder.Configuration.AddCommandLine(hostArgs);
if (verb is not null)
{
    // Verbs keep stdout for their output; logs go to stderr.
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

var app = builder.Build();
try
{
    app.Services.GetRequiredService<IStartupValidator>().Validate();
}
catch (Exception invalid) when (invalid is OptionsValidationException or InvalidOperationException or AggregateException)
{
    // Validation failures name their key; a value the binder cannot convert ("Model:Provider=Foo") says which in its message.
    var failures = (invalid is AggregateException all ? all.InnerExceptions : [invalid])
        .SelectMany(e => e is OptionsValidationException validation ? validation.Failures : [e.Message]);
    await Console.Error.WriteLineAsync("Invalid settings, not starting:\n  " + string.Join("\n  ", failures));
    return 1;
}

if (verb == "feedback")
{
    // Reads only the feedback store, so it needs no index.
    return await FeedbackCommand.RunAsync(app.Services.GetRequiredService<IFeedbackStore>(), args[1..], Console.Out, CancellationToken.None);
}
if (verb == "index")
{
    return await IndexCommand.RunAsync(app.Services, contentRoot, args[1..], Console.Out, CancellationToken.None);
}
if (verb is not null)
{
    var answerer = app.Services.GetRequiredService<QuestionAnswerer>();
    var rest = args.Skip(1).ToList();
    using var interrupted = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        interrupted.Cancel();
    };
    try
    {
        return verb == "ask"
            ? await AskCommand.RunAsync(answerer, rest, Console.Out, interrupted.Token)
            : await EvalCommand.RunAsync(answerer, t => ServiceRegistration.TunedAnswerer(app.Services, t),
                app.Services.GetRequiredService<IOptions<RetrievalOptions>>().Value.Semantic, rest, Console.Out, interrupted.Token);
    }
    catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
    {
        await Console.Error.WriteLineAsync("Interrupted.");
        return 130;
    }
}

// Build the index before listening, so /healthz answers 200 only with the index loaded.
var passages = app.Services.GetRequiredService<LexicalIndex>().Passages.Count;
app.Services.GetRequiredService<IPassageRetriever>();
app.Logger.LogInformation("Indexed {Passages} passages from {Documents} documents", passages, app.Services.GetRequiredService<LoadedCorpus>().Documents.Count);
app.Services.GetRequiredService<SuggestedQuestions>().Start();

app.MapGet("/healthz", () => Results.Ok(new { status = "ok", passages }));
app.MapOperations(passages);
app.MapPost("/api/messages", MessagesEndpoint.HandleAsync);

await app.RunAsync();
// ListenGuard sets 1 when it stopped the bot.
return Environment.ExitCode;

/// <summary>Entry point, public so tests can start the host and user secrets can find the assembly.</summary>
public partial class Program;
