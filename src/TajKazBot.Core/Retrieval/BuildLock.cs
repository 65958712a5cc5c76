namespace TajKazBot.Core.Retrieval;

/// <summary>
/// One build of an index key at a time, across processes: an exclusive lock on a file beside the indexes
/// (<see cref="FileShare.None"/>, which .NET takes as an advisory <c>flock</c> on Linux and the system releases when
/// its holder dies). Instances that start together then wait for the first one's build and open it, instead of
/// each embedding the whole corpus again.
/// </summary>
public static class BuildLock
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The lock on <paramref name="path"/>, once no other build holds it; null when the folder cannot hold a lock
    /// file (read-only), in which case the caller builds without one.
    /// </summary>
    /// <param name="waiting">Called once, when another build holds the lock.</param>
    public static async Task<IDisposable?> AcquireAsync(string path, Action waiting, CancellationToken cancellationToken)
    {
        var told = false;
        while (true)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Held by another build (the only I/O failure left once the file exists and may be opened).
                if (!told)
                {
                    waiting();
                    told = true;
                }
                await Task.Delay(Poll, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
