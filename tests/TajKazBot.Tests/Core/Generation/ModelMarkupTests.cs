using TajKazBot.Core.Corpus;
using TajKazBot.Core.Generation;
using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Tests.Generation;

/// <summary>A model talked into writing markup by an injected instruction: only its words and markers survive.</summary>
public sealed class ModelMarkupTests
{
    private static readonly IReadOnlyList<ScoredPassage> Given = Enumerable.Range(1, 2)
        .Select(i => new ScoredPassage(new Passage($"p{i}", "Doc", [$"Section {i}"], $"Text {i}.", 0, 7, "doc.txt"), 10 - i, new HashSet<string>()))
        .ToList();

    [Theory]
    [InlineData("Trade grew [1].<img src=x onerror=alert(1)>", "Trade grew [1].")]
    [InlineData("Trade grew [1]. <script>steal()</script>", "Trade grew [1]. steal()")]
    [InlineData("See [the treaty](http://phish.example/login) [1].", "See the treaty [1].")]
    [InlineData("![logo](http://phish.example/p.png)Trade grew [1].", "logoTrade grew [1].")]
    [InlineData("Log in at http://phish.example/login now [1].", "Log in at now [1].")]
    [InlineData("Visit www.phish.example [1].", "Visit [1].")]
    [InlineData("Click [here](javascript:alert(1)) [1].", "Click here [1].")]
    [InlineData("Trade [1] <http://phish.example>.", "Trade [1].")]
    [InlineData("Trade [1].\n\n[here]: http://phish.example", "Trade [1].")]
    [InlineData("Exports rose 5% and imports < 3% [1] **sharply**.", "Exports rose 5% and imports &lt; 3% [1] **sharply**.")]
    public void Only_plain_text_markers_and_emphasis_are_kept(string model, string expected)
    {
        var grounded = CitationGrounding.Ground(model, Given);

        Assert.Equal(expected, grounded.Text);
        Assert.Equal(["p1"], grounded.Citations.Select(c => c.PassageId));
    }
}
