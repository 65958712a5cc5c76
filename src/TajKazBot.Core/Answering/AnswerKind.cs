namespace TajKazBot.Core.Answering;

public enum AnswerKind
{
    /// <summary>Passages of the document, verbatim.</summary>
    Extractive,

    /// <summary>Written by a model from the passages, citing them.</summary>
    Generative,

    /// <summary>The document does not answer the question.</summary>
    Declined,
}
