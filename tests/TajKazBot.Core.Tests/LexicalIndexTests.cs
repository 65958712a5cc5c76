using Lucene.Net.Index;
using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Tests;

/// <summary>The term statistics the index reads once at first use agree with Lucene's own, term by term.</summary>
public sealed class LexicalIndexTests : IDisposable
{
    private readonly LexicalIndex index = new(RepositoryCorpus.Corpus.Passages, new RetrievalOptions());

    public void Dispose() => index.Dispose();

    [Fact]
    public void Every_term_s_document_frequency_is_lucene_s()
    {
        var checkedTerms = index.Read(searcher =>
        {
            var terms = MultiFields.GetTerms(searcher.IndexReader, LexicalIndex.TextField).GetEnumerator();
            var count = 0;
            while (terms.MoveNext())
            {
                var term = terms.Term.Utf8ToString();
                Assert.Equal(searcher.IndexReader.DocFreq(new Term(LexicalIndex.TextField, term)), index.DocFreq(term));
                count++;
            }
            return count;
        });

        Assert.True(checkedTerms > 300, $"{checkedTerms} terms");
        Assert.Equal(0, index.DocFreq("zzzunknown"));
    }

    [Theory]
    [InlineData("dushanbe", true)]
    [InlineData("the", true)]
    [InlineData("1997", true)]
    [InlineData("cotton", true)]
    [InlineData("tajikistan’s", false)]
    [InlineData("penguin", false)]
    public void The_document_s_words_are_known_as_written(string word, bool known) =>
        Assert.Equal(known, index.Knows(word));
}
