namespace TajKazBot.Core.Corpus;

/// <param name="MaxPassageChars">Longer paragraphs are split at sentence boundaries; no packed passage is longer.</param>
/// <param name="MinPassageChars">A paragraph shorter than this is packed with its neighbours under the same headings (a list item, a line of reference text).</param>
public sealed record ChunkingOptions(int MaxPassageChars = 1200, int OverlapSentences = 1, int MinPassageChars = 200);
