using System.Collections.Concurrent;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using TajKazBot.Core.Corpus;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace TajKazBot.Core.Retrieval;

/// <summary>
/// The Lucene.NET index of the passages and what it knows of their words: analyzers, term statistics,
/// spelling and the words naming the document's subject. One <see cref="SearcherManager"/> serves all
/// requests, acquired and released in one place (<see cref="Read{T}"/>).
/// </summary>
public sealed class LexicalIndex : ITermStatistics, IDisposable
{
    public const string TextField = "text";
    public const string SectionField = "section";

    /// <summary>The passage text as unstemmed lower-case words (possessives dropped, stop words kept): the vocabulary typos are matched against.</summary>
    public const string WordField = "word";
    public const string OrdinalField = "ordinal";
    internal static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly RetrievalOptions options;
    private readonly LuceneDirectory directory;
    private readonly SearcherManager searchers;
    private readonly Analyzer wordAnalyzer;
    private readonly Analyzer questionAnalyzer;
    private readonly SpellingCorrector spelling;
    private readonly IReadOnlySet<string>?[] passageTerms;
    private readonly Lazy<IndexVocabulary> vocabulary;
    private readonly EnglishLexicon lexicon;
    private readonly ConcurrentDictionary<string, UnknownTerms> unknownByDocument = new(StringComparer.Ordinal);

    /// <summary>An index of the passages held in memory.</summary>
    /// <param name="lexicon">English words (see <see cref="EnglishWords"/>): common ones are never taken for typos, and proper nouns the document does not use mark unknown names; none by default.</param>
    public LexicalIndex(IReadOnlyList<Passage> passages, RetrievalOptions options, EnglishLexicon? lexicon = null)
        : this(passages, options, lexicon, LuceneDocuments.Written(new RAMDirectory(), passages, options))
    {
    }

    /// <summary>An index over a directory that holds the passages' documents (see <see cref="LexicalIndexFolder"/>).</summary>
    internal LexicalIndex(IReadOnlyList<Passage> passages, RetrievalOptions options, EnglishLexicon? lexicon, LuceneDirectory directory)
    {
        this.lexicon = lexicon ??= EnglishLexicon.Empty;
        Passages = passages;
        this.options = options;
        this.directory = directory;
        Analyzer = new EnglishAnalyzer(Version);
        wordAnalyzer = LuceneDocuments.WordAnalyzer();
        questionAnalyzer = new EnglishAnalyzer(Version, QuestionStopWords.Create(Version));
        spelling = new SpellingCorrector(Analyzer, wordAnalyzer, [TextField, SectionField], WordField, lexicon.Words, options.MaxTypoEdits);
        Unknown = new UnknownTerms(Knows, lexicon);
        // Analysed when first asked for: at start that would be every passage of the corpus again.
        passageTerms = new IReadOnlySet<string>?[passages.Count];
        searchers = new SearcherManager(directory, new Bm25SearcherFactory(options.K1, options.B));
        // Read when first asked for, so opening a large index stays quick.
        vocabulary = new(() => Read(s => new IndexVocabulary(s.IndexReader, TextField, WordField)));
    }

    /// <summary>The index's analyzer: English stemming and stop words.</summary>
    public Analyzer Analyzer { get; }

    public IReadOnlyList<Passage> Passages { get; }

    /// <summary>The question's names and numbers that no document of the corpus uses.</summary>
    public UnknownTerms Unknown { get; }

    /// <summary>
    /// The question's names and numbers that the best passage's document never uses (no document, when nothing was
    /// found). In a corpus of several, a year or a name that another document mentions is still unknown to the one answering.
    /// </summary>
    public UnknownTerms UnknownIn(IReadOnlyList<ScoredPassage> ranked) => ranked.Count == 0 || Passages[^1].SourceFile == Passages[0].SourceFile
        ? Unknown
        : unknownByDocument.GetOrAdd(ranked[0].Passage.SourceFile, file => new UnknownTerms(Passages.Where(p => p.SourceFile == file)
            .SelectMany(p => TextAnalysis.Tokens(wordAnalyzer, WordField, p.Text).Select(t => t.Term)).ToHashSet(StringComparer.Ordinal).Contains, lexicon));

    /// <summary>Runs a read against the current searcher, acquired and released here only.</summary>
    public T Read<T>(Func<IndexSearcher, T> read)
    {
        var searcher = searchers.Acquire();
        try
        {
            return read(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public IReadOnlyList<(string Term, int Start, int End)> Terms(string text) => TextAnalysis.Tokens(Analyzer, TextField, text);

    /// <summary>A question's terms: the index's analysis, framing words ("tell me about") dropped, bounded in number.</summary>
    public List<string> QueryTerms(string question) =>
        TextAnalysis.DistinctTerms(questionAnalyzer, TextField, question).Take(options.MaxQueryTerms).ToList();

    /// <summary>The analysed terms of passage number <paramref name="ordinal"/>.</summary>
    public IReadOnlySet<string> TermsOf(int ordinal) =>
        passageTerms[ordinal] ??= TextAnalysis.DistinctTerms(Analyzer, TextField, Passages[ordinal].Text).ToHashSet();

    public int DocFreq(string term) => vocabulary.Value.DocFreq(term);

    public double Idf(string term) => Idf(DocFreq(term));

    public double Idf(int docFreq) => Math.Log(1 + (Passages.Count - docFreq + 0.5) / (docFreq + 0.5));

    /// <summary>Terms in more than <see cref="RetrievalOptions.UbiquitousTermShare"/> of passages (the document's subject) are no evidence.</summary>
    public bool IsUbiquitous(int docFreq) => docFreq > options.UbiquitousTermShare * Passages.Count;

    /// <summary>Whether the document uses the word (lower case, unstemmed; numbers too).</summary>
    public bool Knows(string word) => vocabulary.Value.Knows(word);

    /// <summary>The text with words the document does not use replaced by their closest document words (typos).</summary>
    public string CorrectSpelling(string text) => Read(s => spelling.Correct(text, s.IndexReader));

    /// <summary>
    /// The text without the words that name the document's subject (terms in more than
    /// <see cref="RetrievalOptions.SubjectTermShare"/> of passages, here the two countries), so what is left
    /// is what the question asks about them.
    /// </summary>
    public string WithoutSubjectWords(string text)
    {
        var kept = new StringBuilder(text.Length);
        var position = 0;
        foreach (var (term, start, end) in Terms(text))
        {
            if (DocFreq(term) > options.SubjectTermShare * Passages.Count)
            {
                kept.Append(text, position, start - position);
                position = end;
            }
        }
        return kept.Append(text, position, text.Length - position).ToString().Trim();
    }

    public void Dispose()
    {
        searchers.Dispose();
        directory.Dispose();
        Analyzer.Dispose();
        wordAnalyzer.Dispose();
        questionAnalyzer.Dispose();
    }
}
