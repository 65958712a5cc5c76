using System.Text.Json;
using System.Text.Json.Serialization;

namespace TajKazBot.Feedback;

/// <summary>The one JSON shape of a <see cref="FeedbackRecord"/>, in the file and in the Redis stream alike.</summary>
public static class FeedbackJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };
}
