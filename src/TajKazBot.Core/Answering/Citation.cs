using TajKazBot.Core.Corpus;

namespace TajKazBot.Core.Answering;

/// <summary>A source of an answer: the passage that <c>[Number]</c> in the answer text points at.</summary>
public sealed record Citation(int Number, Passage Passage, double Score)
{
    public string PassageId => Passage.Id;

    public string SectionPath => Passage.SectionPath;

    /// <summary>The passage cut at a word boundary to at most <paramref name="maxChars"/> characters.</summary>
    public string Quote(int maxChars = 160) => TextCut.AtWord(Passage.Text, maxChars);
}
