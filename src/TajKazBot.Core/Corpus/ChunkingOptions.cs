namespace TajKazBot.Core.Corpus;

public sealed record ChunkingOptions(int MaxPassageChars = 1200, int OverlapSentences = 1);
