using System.Text;
using TajKazBot.Core.Answering;

namespace TajKazBot.Feedback;

/// <summary>What users thought of the answers: counts of likes and dislikes, and which questions and answer kinds they judged.</summary>
public sealed record FeedbackSummary(int Likes, int Dislikes, int Other, IReadOnlyList<FeedbackRecord> Disliked, IReadOnlyList<FeedbackRecord> Liked)
{
    public static async Task<FeedbackSummary> BuildAsync(IFeedbackStore store, CancellationToken cancellationToken)
    {
        var liked = new List<FeedbackRecord>();
        var disliked = new List<FeedbackRecord>();
        var other = 0;
        await foreach (var record in store.ReadAllAsync(cancellationToken))
        {
            switch (record.Reaction.ToLowerInvariant())
            {
                case "like":
                    liked.Add(record);
                    break;
                case "dislike":
                    disliked.Add(record);
                    break;
                default:
                    other++;
                    break;
            }
        }
        return new FeedbackSummary(liked.Count, disliked.Count, other, disliked, liked);
    }

    /// <summary>Plain text for a terminal: totals, then each disliked and liked question with its answer kind and comment.</summary>
    public string Format()
    {
        var text = new StringBuilder();
        text.AppendLine($"{Likes} likes, {Dislikes} dislikes" + (Other > 0 ? $", {Other} other" : ""));
        AppendByKind(text, "likes", Liked);
        AppendByKind(text, "dislikes", Disliked);
        AppendQuestions(text, "Disliked", Disliked);
        AppendQuestions(text, "Liked", Liked);
        return text.ToString();
    }

    private static void AppendByKind(StringBuilder text, string what, IReadOnlyList<FeedbackRecord> records)
    {
        if (records.Count > 0)
        {
            text.AppendLine($"{what} by answer kind: " + string.Join(", ", records.GroupBy(r => KindName(r.Kind)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
        }
    }

    private static void AppendQuestions(StringBuilder text, string heading, IReadOnlyList<FeedbackRecord> records)
    {
        if (records.Count == 0)
        {
            return;
        }
        text.AppendLine().AppendLine($"{heading}:");
        foreach (var record in records)
        {
            text.Append($"  [{KindName(record.Kind)}] {record.Question ?? "(question not remembered)"}");
            text.AppendLine(string.IsNullOrWhiteSpace(record.Text) ? "" : $" — “{record.Text}”");
        }
    }

    private static string KindName(AnswerKind? kind) => kind?.ToString() ?? "unknown";
}
