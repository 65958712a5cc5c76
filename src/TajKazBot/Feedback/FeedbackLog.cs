using System.Runtime.CompilerServices;
using System.Text.Json;

namespace TajKazBot.Feedback;

/// <summary>
/// Appends feedback to a JSON Lines file a maintainer can read (or load into a notebook) and logs that it
/// did. What the user wrote (the comment, the question) goes only into the file, never into the
/// application log. Writes are serialised so concurrent turns never interleave lines.
/// </summary>
public sealed class FeedbackLog(string path, ILogger<FeedbackLog> logger) : IFeedbackStore
{
    private readonly SemaphoreSlim writing = new(1, 1);

    public string Path => path;

    public async Task RecordAsync(FeedbackRecord record, CancellationToken cancellationToken)
    {
        logger.LogInformation("Feedback {Reaction} on {Kind} answer, with a comment of {CommentChars} characters",
            record.Reaction, record.Kind, record.Text?.Length ?? 0);
        var line = JsonSerializer.Serialize(record, FeedbackJson.Options) + "\n";
        await writing.WaitAsync(cancellationToken);
        try
        {
            var folder = System.IO.Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
            await File.AppendAllTextAsync(path, line, cancellationToken);
        }
        catch (IOException exception)
        {
            // Losing one verdict must not fail the user's click.
            logger.LogError(exception, "Could not append feedback to {Path}", path);
        }
        catch (UnauthorizedAccessException exception)
        {
            logger.LogError(exception, "Could not append feedback to {Path}", path);
        }
        finally
        {
            writing.Release();
        }
    }

    public async IAsyncEnumerable<FeedbackRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            yield break;
        }
        await foreach (var line in File.ReadLinesAsync(path, cancellationToken))
        {
            if (!string.IsNullOrWhiteSpace(line) && JsonSerializer.Deserialize<FeedbackRecord>(line, FeedbackJson.Options) is { } record)
            {
                yield return record;
            }
        }
    }
}
