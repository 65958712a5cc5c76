namespace TajKazBot.Core.Retrieval;

public interface IPassageRetriever
{
    /// <summary>Ranks passages for free text and measures how well they cover it. Never throws on odd user input.</summary>
    /// <param name="followUp">The conversation's earlier question, when this one leans on it.</param>
    Task<RetrievalResult> RetrieveAsync(string question, int count, FollowUp? followUp = null, CancellationToken cancellationToken = default);
}
