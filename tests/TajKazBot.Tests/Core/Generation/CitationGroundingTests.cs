using TajKazBot.Core.Corpus;
using TajKazBot.Core.Generation;
using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Tests.Generation;

public sealed class CitationGroundingTests
{
    private static readonly IReadOnlyList<ScoredPassage> Given = Enumerable.Range(1, 4)
        .Select(i => new ScoredPassage(new Passage($"p{i}", "Doc", [$"Section {i}"], $"Text {i}.", 0, 7, "doc.txt"), 10 - i, new HashSet<string>()))
        .ToList();

    [Theory]
    [InlineData("A [2]. B [4]. C [2].", "A [1]. B [2]. C [1].", "p2,p4")]
    [InlineData("A [3][1]. B [1, 3].", "A [1][2]. B [2][1].", "p3,p1")]
    [InlineData("A [Passage 2]. B [passages 1 and 4].", "A [1]. B [2][3].", "p2,p1,p4")]
    [InlineData("A [2, 2] [2].", "A [1] [1].", "p2")]
    public void Markers_are_renumbered_in_order_of_first_use(string model, string expected, string passageIds)
    {
        var grounded = CitationGrounding.Ground(model, Given);

        Assert.Equal(expected, grounded.Text);
        Assert.Equal(passageIds.Split(','), grounded.Citations.Select(c => c.PassageId));
        Assert.Equal(Enumerable.Range(1, grounded.Citations.Count), grounded.Citations.Select(c => c.Number));
    }

    [Theory]
    [InlineData("Dushanbe [9].", "Dushanbe.")]
    [InlineData("Dushanbe [0] and Astana [5] .", "Dushanbe and Astana.")]
    [InlineData("In 1991 [1991] it ended [99999999].", "In 1991 it ended.")]
    public void Markers_naming_no_given_passage_are_removed_and_cite_nothing(string model, string expected)
    {
        var grounded = CitationGrounding.Ground(model, Given);

        Assert.Equal(expected, grounded.Text);
        Assert.Empty(grounded.Citations);
    }

    [Fact]
    public void A_valid_and_a_bogus_number_in_one_marker_keep_only_the_valid_one()
    {
        var grounded = CitationGrounding.Ground("Trade grew [9, 3].", Given);

        Assert.Equal("Trade grew [1].", grounded.Text);
        Assert.Equal("p3", Assert.Single(grounded.Citations).PassageId);
        Assert.Equal(Given[2].Score, grounded.Citations[0].Score);
    }

    [Fact]
    public void Words_in_brackets_are_left_alone_and_a_link_keeps_only_its_words()
    {
        var grounded = CitationGrounding.Ground("See [the treaty](http://x) and [note] here [1].", Given);

        Assert.Equal("See the treaty and [note] here [1].", grounded.Text);
    }

    [Theory]
    [InlineData("The document does not cover this.", true)]
    [InlineData("The passages don't mention who won the World Cup.", true)]
    [InlineData("I can't answer that from these passages.", true)]
    [InlineData("This is not covered by the document.", true)]
    [InlineData("There is no information about that.", true)]
    [InlineData("The embassy is in Dushanbe.", false)]
    public void Refusals_are_recognised_in_the_common_wordings(string reply, bool refusal)
    {
        Assert.Equal(refusal, GroundedAnswerer.IsRefusal(reply));
    }

    [Theory]
    [InlineData("Trade grew [3", "Trade grew")]
    [InlineData("Trade grew [3][9] and [Passage", "Trade grew [1] and")]
    [InlineData("See [the treaty](http://evil.exa", "See")]
    [InlineData("Dushanbe ![x", "Dushanbe")]
    [InlineData("Dushanbe <img src=x", "Dushanbe")]
    [InlineData("Both say so [4, 3] and more", "Both say so [1][2] and more")]
    public void A_draft_leaves_off_what_is_not_closed_yet_and_numbers_as_the_whole_reply_will(string partial, string expected)
    {
        Assert.Equal(expected, CitationGrounding.Draft(partial, Given));
    }
}
