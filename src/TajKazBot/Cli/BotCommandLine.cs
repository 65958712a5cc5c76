using System.CommandLine;
using TajKazBot.Core.Answering;
using TajKazBot.Core.Evaluation;
using TajKazBot.Core.Retrieval;
using TajKazBot.Feedback;
using TajKazBot.Hosting;

namespace TajKazBot.Cli;

/// <summary>
/// The program's command line (System.CommandLine): with no command it runs the bot, passing what it
/// does not know (<c>--urls …</c>, <c>Retrieval:Semantic=false</c>) to the host as settings; the commands
/// <c>ask</c>, <c>eval</c>, <c>index</c>, <c>feedback</c> and <c>package</c> have their arguments checked
/// before anything is built or loaded.
/// </summary>
public static class BotCommandLine
{
    /// <summary>The exit code for arguments the command line refuses.</summary>
    public const int UsageError = 2;

    public static async Task<int> RunAsync(string[] args, string contentRoot, TextWriter output, TextWriter errors)
    {
        var parsed = Create(contentRoot).Parse(args);
        var command = parsed.CommandResult.Command;
        // Only the bot passes what it does not know on to the host; a command refuses it (the root's
        // setting, which lets the bot take settings, is the one the parser applies to every command).
        var refused = parsed.Errors.Select(e => e.Message)
            .Concat(command is RootCommand ? [] : parsed.UnmatchedTokens.Select(t => $"Unrecognized argument '{t}'."))
            .ToList();
        if (refused.Count > 0)
        {
            foreach (var error in refused)
            {
                await errors.WriteLineAsync($"{command.Name}: {error}");
            }
            await errors.WriteLineAsync($"See '{command.Name} --help'.");
            return UsageError;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = errors });
    }

    public static RootCommand Create(string contentRoot)
    {
        var root = new RootCommand("Answers questions about the documents in corpus/, citing the passages. With no command, runs the bot on http://localhost:3978.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction(parsed => BotApplication.RunAsync([.. parsed.UnmatchedTokens], contentRoot));
        foreach (var command in new[] { Ask(contentRoot), Eval(contentRoot), Index(contentRoot), FeedbackSummary(contentRoot), Package(contentRoot) })
        {
            root.Subcommands.Add(command);
        }
        return root;
    }

    private static Command Ask(string contentRoot)
    {
        var words = new Argument<string[]>("question") { Arity = ArgumentArity.OneOrMore, Description = "The question, quoted or not." };
        var ask = new Command("ask", "Prints the answer exactly as the bot would send it.") { words };
        ask.SetAction((parsed, cancellationToken) => WithServicesAsync(contentRoot, parsed, cancellationToken, services =>
            AskCommand.RunAsync(services.GetRequiredService<QuestionAnswerer>(), string.Join(' ', parsed.GetValue(words)!), parsed.InvocationConfiguration.Output, cancellationToken)));
        return ask;
    }

    private static Command Eval(string contentRoot)
    {
        var file = new Argument<FileInfo>("file") { Description = "A question set in JSON lines (see shared/eval/README.md)." };
        file.AcceptExistingOnly();
        var k = Within(new Option<int>("--k") { DefaultValueFactory = _ => 10, Description = "The cut-off of recall@k and mrr@k." }, 1, 50);
        var folds = Within(new Option<int>("--cv") { Description = "Also choose the settings by cross-validation over this many folds." }, 2, 20);
        var json = new Option<bool>("--json") { Description = "Print the metrics as one JSON object." };
        var eval = new Command("eval", "Scores a question set with the bot's own answering path.") { file, k, folds, json };
        eval.SetAction((parsed, cancellationToken) => WithServicesAsync(contentRoot, parsed, cancellationToken, services =>
            EvalCommand.RunAsync(
                services.GetRequiredService<QuestionAnswerer>(),
                tuning => ServiceRegistration.TunedAnswerer(services, tuning),
                SimilarityScale.For(services.GetRequiredService<IOptions<RetrievalOptions>>().Value),
                parsed.GetValue(file)!.FullName, parsed.GetValue(k), parsed.GetValue(folds), parsed.GetValue(json),
                parsed.InvocationConfiguration.Output, cancellationToken)));
        return eval;
    }

    private static Command Index(string contentRoot)
    {
        var folder = new Argument<DirectoryInfo?>("folder") { Arity = ArgumentArity.ZeroOrOne, Description = "Where to write it; by default Retrieval:IndexPath (.index)." };
        var index = new Command("index", "Writes the prebuilt index (Lucene index and vectors), so every start reads it instead of building it.") { folder };
        // A folder given is Retrieval:IndexPath for this run, so the index and the 8-bit model both go there.
        index.SetAction((parsed, cancellationToken) => WithServicesAsync(contentRoot, parsed, cancellationToken, services =>
            IndexCommand.RunAsync(services, contentRoot, parsed.InvocationConfiguration.Output, cancellationToken),
            parsed.GetValue(folder) is { } given ? [$"--Retrieval:IndexPath={given.FullName}"] : []));
        return index;
    }

    private static Command FeedbackSummary(string contentRoot)
    {
        var feedback = new Command("feedback", "Prints what users thought of the answers (Feedback:LogPath, or the Redis stream when Storage:Kind is Redis).");
        feedback.SetAction((parsed, cancellationToken) => WithServicesAsync(contentRoot, parsed, cancellationToken, services =>
            FeedbackCommand.RunAsync(services.GetRequiredService<IFeedbackStore>(), parsed.InvocationConfiguration.Output, cancellationToken)));
        return feedback;
    }

    private static Command Package(string contentRoot)
    {
        var appId = new Option<Guid>("--app-id") { Required = true, Description = "The bot registration's Microsoft App ID (MicrosoftAppId)." };
        appId.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && Guid.TryParse(result.Tokens[0].Value, out var id) && id == Guid.Empty)
            {
                result.AddError("--app-id must not be the empty GUID.");
            }
        });
        var outPath = new Option<string>("--out") { DefaultValueFactory = _ => PackageCommand.DefaultOut, Description = "The zip to write." };
        var package = new Command("package", "Writes the Teams app package (manifest and icons) for the bot's app id.") { appId, outPath };
        package.SetAction(parsed => PackageCommand.RunAsync(parsed.GetValue(appId), parsed.GetValue(outPath)!, contentRoot,
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return package;
    }

    private static Option<int> Within(Option<int> option, int min, int max)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is var value && (value < min || value > max) && result.Tokens.Count > 0)
            {
                result.AddError($"{option.Name} must be from {min} to {max}, not {value}.");
            }
        });
        return option;
    }

    /// <summary>Builds the host's services (settings checked) for a command and runs it; Ctrl+C stops it with 130.</summary>
    private static async Task<int> WithServicesAsync(string contentRoot, ParseResult parsed, CancellationToken cancellationToken, Func<IServiceProvider, Task<int>> run,
        string[]? settings = null)
    {
        var app = BotApplication.Build(settings ?? [], contentRoot, forCommand: true);
        if (!await BotApplication.ValidateAsync(app))
        {
            return 1;
        }
        try
        {
            return await run(app.Services);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await parsed.InvocationConfiguration.Error.WriteLineAsync("Interrupted.");
            return 130;
        }
    }
}
