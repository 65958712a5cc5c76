using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using TajKazBot.Core.Answering;
using TajKazBot.Core.Corpus;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// BM25 retrieval over passages with Lucene.NET. Questions never go through the query parser:
/// they are analysed into terms and built into a query programmatically, so query syntax in a
/// question is just text. One <see cref="SearcherManager"/> serves all requests.
/// </summary>
public sealed class LuceneRetriever : IPassageRetriever, IDisposable
{
    public const string TextField = "text";
    public const string SectionField = "section";

    /// <summary>The passage text as unstemmed lower-case words (possessives dropped, stop words kept): the vocabulary typos are matched against.</summary>
    public const string WordField = "word";
    private const string OrdinalField = "ordinal";
    private static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly IReadOnlyList<Passage> passages;
    private readonly IReadOnlyList<IReadOnlySet<string>> passageTerms;
    private readonly RetrievalOptions options;
    private readonly LuceneDirectory directory;
    private readonly SearcherManager searchers;
    private readonly int documentCount;
    private readonly Analyzer wordAnalyzer;
    private readonly SpellingCorrector spelling;
    private readonly Analyzer questionAnalyzer;
    private readonly HashSet<string> ubiquitousTerms;
    private readonly UnknownTerms unknown;

    /// <param name="lexicon">English words (see <see cref="EnglishWords"/>): common ones are never taken for typos, and proper nouns the document does not use mark unknown names; none by default.</param>
    public LuceneRetriever(IReadOnlyList<Passage> passages, RetrievalOptions options, EnglishLexicon? lexicon = null)
    {
        lexicon ??= EnglishLexicon.Empty;
        this.passages = passages;
        this.options = options;
        Analyzer = new EnglishAnalyzer(Version);
        wordAnalyzer = Analyzer.NewAnonymous((_, reader) =>
        {
            var words = new StandardTokenizer(Version, reader);
            return new TokenStreamComponents(words, new LowerCaseFilter(Version, new EnglishPossessiveFilter(Version, words)));
        });
        spelling = new SpellingCorrector(
            Analyzer, wordAnalyzer, [TextField, SectionField], WordField, lexicon.Words, options.MaxTypoEdits);
        unknown = new UnknownTerms(Knows, lexicon);
        questionAnalyzer = new EnglishAnalyzer(Version, QuestionStopWords.Create(Version));
        directory = options.IndexPath is null ? new RAMDirectory() : FSDirectory.Open(options.IndexPath);
        passageTerms = passages.Select(p => (IReadOnlySet<string>)TextAnalysis.DistinctTerms(Analyzer, TextField, p.Text).ToHashSet()).ToList();
        ubiquitousTerms = passageTerms.SelectMany(t => t).CountBy(t => t)
            .Where(pair => pair.Value > options.UbiquitousTermShare * passages.Count)
            .Select(pair => pair.Key)
            .ToHashSet();

        var indexAnalyzer = new PerFieldAnalyzerWrapper(Analyzer, new Dictionary<string, Analyzer> { [WordField] = wordAnalyzer });
        var config = new IndexWriterConfig(Version, indexAnalyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(options.K1, options.B),
        };
        using (var writer = new IndexWriter(directory, config))
        {
            for (var i = 0; i < passages.Count; i++)
            {
                writer.AddDocument(new Lucene.Net.Documents.Document
                {
                    new StringField("id", passages[i].Id, Field.Store.YES),
                    new StoredField(OrdinalField, i),
                    new TextField(TextField, passages[i].Text, Field.Store.NO),
                    new TextField(SectionField, passages[i].SectionPath, Field.Store.NO),
                    new TextField(WordField, passages[i].Text, Field.Store.NO),
                });
            }
            writer.Commit();
        }
        searchers = new SearcherManager(directory, new Bm25SearcherFactory(options.K1, options.B));
        documentCount = passages.Count;
    }

    /// <summary>The index's analyzer: English stemming and stop words. Questions also drop framing words.</summary>
    public Analyzer Analyzer { get; }

    public IReadOnlyList<Passage> Passages => passages;

    public RetrievalResult Retrieve(string question, int count, FollowUp? followUp = null)
    {
        var searched = CorrectSpelling(question);
        var own = QueryTerms(searched);
        var carried = followUp is null ? [] : QueryTerms(followUp.Context).Except(own).ToList();
        var contextWeight = followUp is { PointsBack: true } ? options.ContextWeight : options.SwitchContextWeight;
        var weighted = own.Select(t => (Term: t, Weight: 1f)).Concat(carried.Select(t => (Term: t, Weight: contextWeight))).ToList();
        var signals = RetrievalResult.Empty with
        {
            Terms = own,
            Searched = searched,
            UnknownNames = unknown.Names(searched),
            UnknownNumbers = unknown.Numbers(searched),
        };
        if (weighted.Count == 0 || count <= 0)
        {
            return signals;
        }
        var searcher = searchers.Acquire();
        try
        {
            var query = new BooleanQuery();
            foreach (var (term, weight) in weighted)
            {
                query.Add(new TermQuery(new Term(TextField, term)) { Boost = weight }, Occur.SHOULD);
                query.Add(new TermQuery(new Term(SectionField, term)) { Boost = weight * options.SectionBoost }, Occur.SHOULD);
            }
            var hits = searcher.Search(query, count).ScoreDocs;
            var ordinals = hits.Select(hit => searcher.Doc(hit.Doc).GetField(OrdinalField).GetInt32Value() ?? 0).ToList();
            var ranked = hits
                .Zip(ordinals, (hit, ordinal) => new ScoredPassage(passages[ordinal], hit.Score, Matched(ordinal, own.Concat(carried))))
                .ToList();
            // Coverage comes from the question's own words; carried-over terms count too when it has none
            // or points back ("when was that?"), so a new off-topic question is not answered on the strength
            // of an earlier one.
            // A question made only of the document's subject words ("What do Kazakhstan and Tajikistan
            // trade?") is about the document itself: its coverage is how many of them the best passage has.
            var best = ranked.FirstOrDefault()?.MatchedTerms ?? new HashSet<string>();
            var ownCoverage = Coverage(own.Select(t => (Term: t, Weight: 1f)).ToList(), best, searcher.IndexReader);
            var withContext = carried.Count > 0 ? Coverage(weighted, best, searcher.IndexReader) : null;
            var coverage = (ownCoverage is { } o && withContext is { } c && followUp is { PointsBack: true } ? Math.Max(o, c) : ownCoverage)
                ?? withContext
                ?? (ordinals.Count > 0 && own.Count > 0 ? own.Count(passageTerms[ordinals[0]].Contains) / (double)own.Count : 0);
            return signals with { Passages = ranked, Coverage = coverage };
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>Whether the document uses the word (lower case, unstemmed; numbers too).</summary>
    public bool Knows(string word)
    {
        var searcher = searchers.Acquire();
        try
        {
            return searcher.IndexReader.DocFreq(new Term(WordField, word)) > 0;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>IDF of a term in the passage text, BM25's formula; unseen terms get the highest value.</summary>
    public double Idf(string term)
    {
        var searcher = searchers.Acquire();
        try
        {
            return Idf(searcher.IndexReader.DocFreq(new Term(TextField, term)));
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>The text with words the document does not use replaced by their closest document words (typos).</summary>
    public string CorrectSpelling(string text)
    {
        var searcher = searchers.Acquire();
        try
        {
            return spelling.Correct(text, searcher.IndexReader);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>
    /// The text without the words that name the document's subject (terms in more than
    /// <see cref="RetrievalOptions.SubjectTermShare"/> of passages, here the two countries), so what is left
    /// is what the question asks about them.
    /// </summary>
    public string WithoutSubjectWords(string text)
    {
        var searcher = searchers.Acquire();
        try
        {
            var reader = searcher.IndexReader;
            var kept = new StringBuilder(text.Length);
            var position = 0;
            foreach (var (term, start, end) in TextAnalysis.Tokens(Analyzer, TextField, text))
            {
                if (reader.DocFreq(new Term(TextField, term)) > options.SubjectTermShare * documentCount)
                {
                    kept.Append(text, position, start - position);
                    position = end;
                }
            }
            return kept.Append(text, position, text.Length - position).ToString().Trim();
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private double Idf(int docFreq) => Math.Log(1 + (documentCount - docFreq + 0.5) / (docFreq + 0.5));

    private List<string> QueryTerms(string question) =>
        TextAnalysis.DistinctTerms(questionAnalyzer, TextField, question).Take(options.MaxQueryTerms).ToList();

    /// <summary>The informative question terms in a passage: the document's subject in every passage is no match.</summary>
    private HashSet<string> Matched(int ordinal, IEnumerable<string> terms) =>
        terms.Where(t => passageTerms[ordinal].Contains(t) && !ubiquitousTerms.Contains(t)).ToHashSet();

    /// <summary>
    /// The IDF-weighted share of the question's informative terms found in the best passage, or null when
    /// it has none. Terms in most passages (the document's subject) say nothing about whether it is covered.
    /// </summary>
    private double? Coverage(IReadOnlyList<(string Term, float Weight)> terms, IReadOnlySet<string> matched, IndexReader reader)
    {
        double total = 0, found = 0;
        foreach (var (term, termWeight) in terms)
        {
            var docFreq = reader.DocFreq(new Term(TextField, term));
            if (docFreq > options.UbiquitousTermShare * documentCount)
            {
                continue;
            }
            var weight = termWeight * Idf(docFreq);
            total += weight;
            if (matched.Contains(term))
            {
                found += weight;
            }
        }
        return total == 0 ? null : found / total;
    }

    public void Dispose()
    {
        searchers.Dispose();
        directory.Dispose();
        Analyzer.Dispose();
        wordAnalyzer.Dispose();
        questionAnalyzer.Dispose();
    }

    private sealed class Bm25SearcherFactory(float k1, float b) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity(k1, b) };
    }
}
