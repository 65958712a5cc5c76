using System.Text;
using TajKazBot.Core.Answering;
using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Generation;

/// <summary>
/// Holds a model's answer to the passages it was given, in code rather than by trust: every <c>[n]</c>
/// marker (also <c>[1, 2]</c>, <c>[Passage 3]</c>) must name one of them, markers naming anything else are
/// removed, and the passages cited are renumbered 1, 2, … in order of first use. Markup that could act in
/// the user's client (HTML, links, images, URLs) is taken out first (<see cref="ModelMarkup"/>).
/// </summary>
public static partial class CitationGrounding
{
    public static GroundedText Ground(string modelText, IReadOnlyList<ScoredPassage> given)
    {
        var renumbered = new Dictionary<int, int>();
        var citations = new List<Citation>();
        var text = Marker().Replace(ModelMarkup.Strip(modelText), match =>
        {
            var markers = new StringBuilder();
            foreach (var capture in match.Groups["n"].Captures.Cast<Capture>())
            {
                if (!int.TryParse(capture.Value, out var n) || n < 1 || n > given.Count)
                {
                    continue;
                }
                if (!renumbered.TryGetValue(n, out var number))
                {
                    number = renumbered[n] = citations.Count + 1;
                    citations.Add(new Citation(number, given[n - 1].Passage, given[n - 1].Score));
                }
                if (!markers.ToString().Contains($"[{number}]", StringComparison.Ordinal))
                {
                    markers.Append('[').Append(number).Append(']');
                }
            }
            return markers.ToString();
        });
        // A dropped marker leaves "claim ." or a double space behind.
        text = SpaceBeforePunctuation().Replace(text, "$1");
        text = RepeatedSpaces().Replace(text, " ").Trim();
        return new GroundedText(text, citations);
    }

    /// <summary>
    /// A reply still being written, grounded as far as it goes: numbering by first use gives its markers the
    /// numbers the whole reply will give them. A marker, tag or link not yet closed is left off until it is,
    /// so no half-written <c>[1</c> or <c>&lt;img</c> is ever shown.
    /// </summary>
    public static string Draft(string partialText, IReadOnlyList<ScoredPassage> given) =>
        Ground(Unfinished().Replace(partialText, ""), given).Text;

    [GeneratedRegex(@"\[\s*(?:passages?\s*)?(?<n>\d+)(?:\s*(?:,|;|and)\s*(?:passages?\s*)?(?<n>\d+))*\s*\]", RegexOptions.IgnoreCase)]
    private static partial Regex Marker();

    [GeneratedRegex(@"[ \t]+([.,;:!?])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex RepeatedSpaces();

    /// <summary>The tail of a reply that opens a marker, link, image or tag and does not close it yet.</summary>
    [GeneratedRegex(@"(?:!?\[[^\]]*(?:\]\([^)]*)?|<(?:[/!?A-Za-z][^<>]*)?)\z")]
    private static partial Regex Unfinished();
}
