namespace TajKazBot.Tests.Playground;

/// <summary>Finds Node's executables on PATH, so the playground tests can skip cleanly where Node is missing.</summary>
public static class NodeTools
{
    public static string? Find(string name)
    {
        var names = OperatingSystem.IsWindows() ? new[] { name + ".exe", name + ".cmd" } : [name];
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => names.Select(n => Path.Combine(dir, n)))
            .FirstOrDefault(File.Exists);
    }

    public static bool Available => Find("node") is not null && Find("npm") is not null;
}
