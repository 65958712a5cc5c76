namespace TajKazBot.Core.Answering;

/// <summary>The kind of detail a question asks for (see <see cref="AskedDetail"/>).</summary>
public enum DetailKind
{
    /// <summary>Nothing in particular: an explanation, a list, a description.</summary>
    None,

    /// <summary>A number: how many, how much, a percentage, an exact figure.</summary>
    Quantity,

    /// <summary>A length of time, an age or a distance.</summary>
    Duration,

    /// <summary>A year, a date, a time: "when".</summary>
    Date,

    /// <summary>How to do something: steps the reader would follow.</summary>
    Procedure,
}
