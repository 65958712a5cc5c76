namespace TajKazBot.Core.Retrieval;

/// <summary>A sentence of a passage: its span in the passage text and its embedding vector.</summary>
public sealed record PassageSentence(int Start, int End, float[] Vector);
