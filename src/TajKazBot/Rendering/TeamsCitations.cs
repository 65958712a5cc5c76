using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Microsoft.Bot.Schema;
using TajKazBot.Core.Answering;

namespace TajKazBot.Rendering;

/// <summary>
/// The one root <c>https://schema.org/Message</c> entity with which Teams turns the <c>[n]</c> markers
/// of an answer into citation pills with hover cards.
/// </summary>
public static partial class TeamsCitations
{
    /// <summary>The Agents Playground rejects a message above 10 citations (Teams itself above 20).</summary>
    public const int MaxCitations = 10;

    public const int MaxNameChars = 80;

    public const int MaxAbstractChars = 160;

    /// <summary>The entity for the answer as sent (<paramref name="text"/>), or null when the text cites nothing.</summary>
    public static Entity? For(Answer answer, string text)
    {
        var markers = Marker().Matches(text).Select(m => int.Parse(m.Groups[1].Value)).ToHashSet();
        var claims = answer.Citations
            .Where(c => c.Number > 0 && markers.Contains(c.Number))
            .DistinctBy(c => c.Number)
            .OrderBy(c => c.Number)
            .Take(MaxCitations)
            .Select(Claim)
            .ToList();
        if (claims.Count == 0)
        {
            return null;
        }
        var properties = new JObject
        {
            ["@type"] = "Message",
            ["@context"] = "https://schema.org",
            ["@id"] = "",
        };
        if (answer.Kind == AnswerKind.Generative)
        {
            properties["additionalType"] = new JArray("AIGeneratedContent");
        }
        properties["citation"] = new JArray(claims);
        return new Entity("https://schema.org/Message") { Properties = properties };
    }

    private static JObject Claim(Citation citation)
    {
        var appearance = new JObject
        {
            ["@type"] = "DigitalDocument",
            ["name"] = TextCut.AtWord(citation.SectionPath, MaxNameChars),
            ["abstract"] = citation.Quote(MaxAbstractChars),
        };
        if (!string.IsNullOrWhiteSpace(citation.Passage.DocumentUrl))
        {
            appearance["url"] = citation.Passage.DocumentUrl;
        }
        return new JObject
        {
            ["@type"] = "Claim",
            ["position"] = citation.Number,
            ["appearance"] = appearance,
        };
    }

    [GeneratedRegex(@"\[(\d{1,6})\]")]
    private static partial Regex Marker();
}
