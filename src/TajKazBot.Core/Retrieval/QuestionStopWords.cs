using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// Stop words for questions: Lucene's English set plus the words that frame a question rather than say
/// what it is about ("tell me about", "what does the article say"). Left in, a framing word that happens
/// to be rare in the document ("about" occurs once) outweighs the word the question is really about.
/// Used for questions only; passages are indexed with the standard set.
/// </summary>
public static class QuestionStopWords
{
    private static readonly string[] Framing =
    [
        "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "whether",
        "do", "does", "did", "can", "could", "would", "should", "will", "shall", "may", "might",
        "i", "me", "my", "we", "our", "us", "you", "your",
        "tell", "explain", "describe", "describes", "described", "say", "says", "said", "mention", "mentions", "mentioned",
        "know", "give", "show", "please", "about", "according", "article", "document", "text",
    ];

    public static CharArraySet Create(LuceneVersion version)
    {
        var set = new CharArraySet(version, StopAnalyzer.ENGLISH_STOP_WORDS_SET, ignoreCase: true);
        foreach (var word in Framing)
        {
            set.Add(word);
        }
        return set.AsReadOnly();
    }
}
