namespace TajKazBot.Core.Answering;

public enum AnswerKind
{
    /// <summary>Passages of the document, verbatim.</summary>
    Extractive,

    /// <summary>Written by a model from the passages, citing them.</summary>
    Generative,

    /// <summary>The document does not answer the question (<see cref="Answer.Reason"/> says why); it may show the closest passages.</summary>
    Declined,

    /// <summary>A reply in the bot's own words to a greeting, thanks, goodbye or a question about the bot.</summary>
    SmallTalk,
}
