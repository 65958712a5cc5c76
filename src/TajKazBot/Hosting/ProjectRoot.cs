namespace TajKazBot.Hosting;

/// <summary>
/// Finds the folder that holds <c>corpus/</c> (the repository root when run with <c>dotnet run</c>
/// from anywhere inside it), so the corpus, prompts and appsettings.json are found wherever the
/// process starts.
/// </summary>
public static class ProjectRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (Directory.Exists(Path.Combine(dir.FullName, "corpus")))
                {
                    return dir.FullName;
                }
            }
        }
        return Directory.GetCurrentDirectory();
    }
}
