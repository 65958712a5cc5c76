using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using TajKazBot.Core.Corpus;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace TajKazBot.Core.Retrieval;

/// <summary>How passages become Lucene documents: the one place that knows the fields and their analysis.</summary>
internal static class LuceneDocuments
{
    /// <summary>The passage text as lower-case words, possessives dropped and stop words kept.</summary>
    internal static Analyzer WordAnalyzer() => Analyzer.NewAnonymous((_, reader) =>
    {
        var words = new StandardTokenizer(LexicalIndex.Version, reader);
        return new TokenStreamComponents(words, new LowerCaseFilter(LexicalIndex.Version, new EnglishPossessiveFilter(LexicalIndex.Version, words)));
    });

    internal static LuceneDirectory Written(LuceneDirectory directory, IReadOnlyList<Passage> passages, RetrievalOptions options)
    {
        using var analyzer = new EnglishAnalyzer(LexicalIndex.Version);
        using var words = WordAnalyzer();
        var indexAnalyzer = new PerFieldAnalyzerWrapper(analyzer, new Dictionary<string, Analyzer> { [LexicalIndex.WordField] = words });
        var config = new IndexWriterConfig(LexicalIndex.Version, indexAnalyzer) { OpenMode = OpenMode.CREATE, Similarity = new BM25Similarity(options.K1, options.B) };
        using var writer = new IndexWriter(directory, config);
        for (var i = 0; i < passages.Count; i++)
        {
            writer.AddDocument(new Lucene.Net.Documents.Document
            {
                new StringField("id", passages[i].Id, Field.Store.YES),
                new NumericDocValuesField(LexicalIndex.OrdinalField, i),
                new TextField(LexicalIndex.TextField, passages[i].Text, Field.Store.NO),
                new TextField(LexicalIndex.SectionField, passages[i].SectionPath, Field.Store.NO),
                new TextField(LexicalIndex.WordField, passages[i].Text, Field.Store.NO),
            });
        }
        writer.Commit();
        return directory;
    }
}
