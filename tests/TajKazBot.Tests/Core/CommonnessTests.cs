using TajKazBot.Core.Corpus;
using TajKazBot.Core.Retrieval;

namespace TajKazBot.Core.Tests;

public sealed class CommonnessTests
{
    [Fact]
    public void A_single_document_has_no_commonness()
    {
        var passages = new[] { Passage("a.txt", 1), Passage("a.txt", 2), Passage("a.txt", 3) };

        var commonness = Commonness.Of(passages, Vectors([1, 0], [0.6f, 0.8f], [0, 1]));

        Assert.All(commonness, c => Assert.Equal(0, c));
    }

    [Fact]
    public void Is_the_closeness_to_the_mean_of_the_other_documents_passages()
    {
        // b.txt's passages average (0, 1); a.txt's average (0.8, 0.3).
        var passages = new[] { Passage("a.txt", 1), Passage("b.txt", 1), Passage("a.txt", 2), Passage("b.txt", 2) };

        var commonness = Commonness.Of(passages, Vectors([1, 0], [0.6f, 0.8f], [0.6f, 0.6f], [-0.6f, 1.2f]));

        Assert.Equal(0, commonness[0], 5);        // (1, 0) · (0, 1)
        Assert.Equal(0.72, commonness[1], 5);     // (0.6, 0.8) · (0.8, 0.3)
        Assert.Equal(0.6, commonness[2], 5);      // (0.6, 0.6) · (0, 1)
        Assert.Equal(-0.12, commonness[3], 5);    // (-0.6, 1.2) · (0.8, 0.3)
    }

    [Fact]
    public void A_document_is_not_marked_down_for_its_own_subject()
    {
        // Two passages of a.txt on one subject, one passage of b.txt elsewhere: a.txt's passages are
        // close to each other, not to b.txt, so neither counts as common.
        var passages = new[] { Passage("a.txt", 1), Passage("a.txt", 2), Passage("b.txt", 1) };

        var commonness = Commonness.Of(passages, Vectors([1, 0], [1, 0], [0, 1]));

        Assert.Equal([0, 0, 0], commonness);
    }

    [Fact]
    public void Vectors_of_other_passages_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Commonness.Of([Passage("a.txt", 1)], Vectors([1, 0], [0, 1])));
    }

    private static Passage Passage(string file, int number) => new($"{file}#p{number}", file, [], "text", 0, 4, file);

    private static SemanticVectors Vectors(params float[][] rows) =>
        new(2, SemanticVectors.Flatten(rows).Flat, Enumerable.Repeat(0, rows.Length + 1).ToArray(), [], [], [], []);
}
