namespace TajKazBot.Core.Answering;

/// <summary>Why the bot did not answer from the document; <see cref="None"/> when it did.</summary>
public enum DeclineReason
{
    None,

    /// <summary>The message held no question.</summary>
    NoQuestion,

    /// <summary>A greeting, thanks, goodbye or a question about the bot: answered in its own words.</summary>
    SmallTalk,

    /// <summary>The question is about something (a country, person, organisation, event) the document never names.</summary>
    UnknownSubject,

    /// <summary>The document covers the topic but not the detail asked (an exact figure, a date, a procedure).</summary>
    NotStated,

    /// <summary>The question asks about now ("today", "current"), which a fixed text cannot know.</summary>
    LiveData,

    /// <summary>Nothing in the document is close to the question.</summary>
    OffTopic,
}
