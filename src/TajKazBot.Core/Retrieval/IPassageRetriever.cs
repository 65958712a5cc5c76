namespace TajKazBot.Core.Retrieval;

public interface IPassageRetriever
{
    /// <summary>Ranks passages for free text. Never throws on odd user input.</summary>
    /// <param name="context">Earlier text of the conversation whose terms count for less than the question's.</param>
    RetrievalResult Retrieve(string question, int count, string? context = null);
}
