using Lucene.Net.Index;
using Lucene.Net.Search;
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

    [Theory]
    [InlineData("cotton export trade", 1f)]
    [InlineData("embassy dushanbe penguin", 0.5f)]
    [InlineData("water energy cooperation", 2f)]
    public void Queries_with_remembered_statistics_rank_and_score_as_lucene_s_own(string words, float boost)
    {
        var remembered = new TermQueries();
        var terms = index.QueryTerms(words);
        for (var pass = 0; pass < 2; pass++)
        {
            // The second pass reads the statistics remembered by the first.
            var (expected, actual) = index.Read(searcher =>
            {
                var plain = new BooleanQuery();
                var cached = new BooleanQuery();
                foreach (var term in terms)
                {
                    plain.Add(new TermQuery(new Term(LexicalIndex.TextField, term)) { Boost = boost }, Occur.SHOULD);
                    if (remembered.For(searcher, LexicalIndex.TextField, term, boost) is { } query)
                    {
                        cached.Add(query, Occur.SHOULD);
                    }
                }
                return (searcher.Search(plain, 10).ScoreDocs, searcher.Search(cached, 10).ScoreDocs);
            });

            Assert.NotEmpty(expected);
            Assert.Equal(expected.Select(h => (h.Doc, h.Score)), actual.Select(h => (h.Doc, h.Score)));
        }
        Assert.Null(index.Read(searcher => remembered.For(searcher, LexicalIndex.TextField, "penguin", 1f)));
    }
}
