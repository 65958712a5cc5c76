namespace TajKazBot.Core.Retrieval;

/// <summary>Files written under another name and renamed into place, so that a process never reads one half-written.</summary>
public static class AtomicFile
{
    /// <summary>False when the file cannot be written there (no such folder can be made, no permission, a full disk).</summary>
    public static bool TryWrite(string path, Action<Stream> write)
    {
        var partial = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.partial";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
            }
            File.Move(partial, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
            return false;
        }
    }
}
