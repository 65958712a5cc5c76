namespace TajKazBot.Core.Retrieval;

/// <summary>
/// Everything retrieval needs of a corpus, built together and saved together: the Lucene index and the
/// vectors of the encoder that measures (<see cref="Semantic"/>) and of the one that ranks (<see cref="Ranking"/>).
/// </summary>
/// <param name="Semantic">Null when retrieval is lexical only.</param>
/// <param name="Ranking">Null when the first encoder also ranks.</param>
/// <param name="Key">The <see cref="IndexKey"/> it was built or opened under.</param>
public sealed record CorpusIndex(LexicalIndex Lexical, SemanticIndex? Semantic, SemanticIndex? Ranking, string Key) : IDisposable
{
    public void Dispose() => Lexical.Dispose();
}
