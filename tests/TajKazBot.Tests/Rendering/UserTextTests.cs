using TajKazBot.Rendering;

namespace TajKazBot.Tests.Rendering;

public sealed class UserTextTests
{
    [Theory]
    [InlineData("Space Programme", "Space Programme")]
    [InlineData("[x](http://evil.example)", "\\[x\\]\\(http:\u200B//evil.example\\)")]
    [InlineData("<b>*bold*</b> & _it_", "&lt;b&gt;\\*bold\\*&lt;/b&gt; &amp; \\_it\\_")]
    [InlineData("www.evil.example", "www.\u200Bevil.example")]
    [InlineData("a\u0000b\u001b[2Jc\u202Ed\n\te", "a b \\[2Jcd e")]
    [InlineData("👍🏽 family 👨‍👩‍👧", "👍🏽 family 👨‍👩‍👧")]
    public void Quoted_text_shows_as_typed_and_never_as_markup(string typed, string quoted)
    {
        Assert.Equal(quoted, UserText.Quote(typed));
    }

    [Fact]
    public void Quoted_text_is_cut_at_a_word()
    {
        var quoted = UserText.Quote(string.Join(' ', Enumerable.Repeat("word", 100)));

        Assert.True(quoted.Length <= UserText.MaxQuotedChars, quoted);
        Assert.EndsWith("…", quoted);
    }
}
