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

    /// <summary>True for a request to make something (a poem, a joke, code) rather than a question: no document answers it.</summary>
    public static bool IsTask(string question) => Task().IsMatch(question);

    /// <summary>
    /// Whether the text holds a detail of the kind the question asks for at all (a number, a year, steps),
    /// other than one the question itself names ("how many people live in the two countries" is not
    /// answered by "the two countries").
    /// </summary>
    public static bool Holds(string question, string text)
    {
        bool Has(Regex pattern) => pattern.Matches(text).Any(m => !question.Contains(m.Value.Trim(), StringComparison.OrdinalIgnoreCase));
        return Of(question) switch
        {
            DetailKind.Quantity => Has(Amount()),
            DetailKind.Duration => Has(Amount()) || Has(Year()),
            DetailKind.Date => Has(Year()) || Has(Month()),
            DetailKind.Procedure => Has(Steps()),
            _ => true,
        };
    }

    /// <summary>Units of time: "how many years" asks for a length of time, not a quantity.</summary>
    private const string TimeUnits = "(years|months|decades|weeks|days)";

    /// <summary>A year from 1000 to 2099: a number that dates something rather than counts it.</summary>
    private const string YearDigits = @"(1[0-9]|20)\d\d";

    // "How much" asks for an amount only when money or a share is named: "how much do they trade?" is
    // answered by "relatively modest".
    [GeneratedRegex(@"\bhow\s+many\b(?!\s+" + TimeUnits + @"\b)|\bhow\s+much\b(?=.*\b(worth|cost|costs|money|dollars?|usd|tenge|somoni|percent|percentage|price|paid|pay)\b)|\bwhat\s+(percent(age)?|proportion|share|number|amount|figure)\b|\bexact\b", RegexOptions.IgnoreCase)]
    private static partial Regex Quantity();

    [GeneratedRegex(@"\bhow\s+(long|old|far)\b|\bhow\s+many\s+" + TimeUnits + @"\b", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    [GeneratedRegex(@"\bwhen\b|\b(what|which)\s+(year|date|day|month|decade)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Date();

    [GeneratedRegex(@"\bhow\s+(do|can|should|would|could|must)\s+(i|we|one|you|someone|people)\b|\bhow\s+to\b|\b(where|what)\s+(do|can|should)\s+(i|we)\b|\bcan\s+(i|we)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Procedure();

    [GeneratedRegex(@"\b(write|compose|draw|sing|create|generate|make|tell|give)\s+(me\s+|us\s+)?(a|an|some|another)?\s*(poem|poems|song|songs|story|stories|joke|jokes|essay|haiku|limerick|rap|picture|image|drawing|code|program|script|recipe)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Task();

    [GeneratedRegex(@"\b(today|tonight|tomorrow|yesterday|now|nowadays|currently|current|latest|presently|at the moment|this (year|month|week)|right now)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Now();

    /// <summary>A number that is no year, or a number word above one.</summary>
    [GeneratedRegex(@"(?<!\d)(?!" + YearDigits + @"(?!\d))\d[\d,.]*\s*%?|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|half|twice|percent|several)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Amount();

    [GeneratedRegex(@"\b" + YearDigits + @"(s)?\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b")]
    private static partial Regex Month();

    [GeneratedRegex(@"\b(step|steps|procedure|apply|application|submit|register|requirement|requirements|required|must|form)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Steps();
}
