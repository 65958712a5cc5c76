using System.Text.RegularExpressions;

namespace TajKazBot.Core.Answering;

/// <summary>
/// What kind of detail a question asks for, read from its wording (English question forms, nothing of
/// any one document), and whether a passage holds a detail of that kind at all: a question asking "how
/// many" is not answered by a passage without a number.
/// </summary>
public static partial class AskedDetail
{
    public static DetailKind Of(string question) =>
        Quantity().IsMatch(question) ? DetailKind.Quantity
        : Duration().IsMatch(question) ? DetailKind.Duration
        : Date().IsMatch(question) ? DetailKind.Date
        : Procedure().IsMatch(question) ? DetailKind.Procedure
        : DetailKind.None;

    /// <summary>True when the question asks about the present ("today", "current", "latest", "now").</summary>
    public static bool AsksAboutNow(string question) => Now().IsMatch(question);

    /// <summary>Whether the text holds a detail of the kind at all (a number, a year, steps).</summary>
    public static bool Holds(DetailKind kind, string text) => kind switch
    {
        DetailKind.Quantity => Amount().IsMatch(text),
        DetailKind.Duration => Amount().IsMatch(text) || Year().IsMatch(text),
        DetailKind.Date => Year().IsMatch(text) || Month().IsMatch(text),
        DetailKind.Procedure => Steps().IsMatch(text),
        _ => true,
    };

    [GeneratedRegex(@"\bhow\s+(many|much)\b|\bwhat\s+(percent(age)?|proportion|share|number|amount|figure)\b|\bexact\b", RegexOptions.IgnoreCase)]
    private static partial Regex Quantity();

    [GeneratedRegex(@"\bhow\s+(long|old|far)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    [GeneratedRegex(@"\bwhen\b|\b(what|which)\s+(year|date|day|month|decade)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Date();

    [GeneratedRegex(@"\bhow\s+(do|can|should|would|could|must)\s+(i|we|one|you|someone|people)\b|\bhow\s+to\b|\b(where|what)\s+(do|can|should)\s+(i|we)\b|\bcan\s+(i|we)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Procedure();

    [GeneratedRegex(@"\b(today|tonight|tomorrow|yesterday|now|nowadays|currently|current|latest|presently|at the moment|this (year|month|week)|right now)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Now();

    /// <summary>A number that is no year, or a number word above one.</summary>
    [GeneratedRegex(@"(?<!\d)(?!(1[0-9]|20)\d\d(?!\d))\d[\d,.]*\s*%?|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|half|twice|percent|several)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Amount();

    [GeneratedRegex(@"\b(1[0-9]|20)\d\d(s)?\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b")]
    private static partial Regex Month();

    [GeneratedRegex(@"\b(step|steps|procedure|apply|application|submit|register|requirement|requirements|required|must|form)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Steps();
}
