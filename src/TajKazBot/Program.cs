using TajKazBot.Cli;
using TajKazBot.Hosting;

return await BotCommandLine.RunAsync(args, ProjectRoot.Find(), Console.Out, Console.Error);

/// <summary>Entry point, public so tests can start the host and user secrets can find the assembly.</summary>
public partial class Program;
