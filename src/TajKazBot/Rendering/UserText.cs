using System.Globalization;
using System.Text;
using TajKazBot.Core.Answering;

namespace TajKazBot.Rendering;

/// <summary>
/// User text quoted back in a reply (an unknown section name, the question of <c>more</c>). In a group
/// chat such a reply speaks in the bot's voice, so what the user typed must show as typed and never become
/// markup: control and format characters go, markdown and HTML are escaped, and URLs are broken so no
/// channel turns them into links.
/// </summary>
public static class UserText
{
    public const int MaxQuotedChars = 80;

    /// <summary>Characters markdown gives meaning to; each is shown literally when preceded by a backslash.</summary>
    private const string MarkdownSpecials = "\\`*_[]()!#|~";

    private const char ZeroWidthSpace = '\u200B';

    public static string Quote(string? text, int maxChars = MaxQuotedChars)
    {
        var plain = TextCut.AtWord(Plain(text), maxChars);
        var quoted = new StringBuilder(plain.Length * 2);
        for (var i = 0; i < plain.Length; i++)
        {
            var c = plain[i];
            if (HtmlEntity(c) is { } entity)
            {
                quoted.Append(entity);
                continue;
            }
            if (MarkdownSpecials.Contains(c))
            {
                quoted.Append('\\');
            }
            quoted.Append(c);
            // Channels link bare URLs ("http://…", "www.…") whatever the markdown says; an
            // invisible space after the colon or the "www" stops that.
            if ((c == ':' && plain.AsSpan(i + 1).StartsWith("//")) || (c == '.' && i >= 3 && plain.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase)))
            {
                quoted.Append(ZeroWidthSpace);
            }
        }
        return quoted.ToString();
    }

    /// <summary>The escape of a character HTML gives meaning to; null for any other.</summary>
    private static string? HtmlEntity(char c) => c switch
    {
        '<' => "&lt;",
        '>' => "&gt;",
        '&' => "&amp;",
        '"' => "&quot;",
        _ => null,
    };

    /// <summary>Without control characters and invisible format characters (such as right-to-left overrides), white space folded.</summary>
    public static string Plain(string? text)
    {
        var plain = new StringBuilder((text ?? "").Length);
        var spaceBefore = false;
        foreach (var c in text ?? "")
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                spaceBefore = plain.Length > 0;
                continue;
            }
            // Emoji sequences keep their zero-width joiner; other format characters only hide or reorder text.
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format && c != '\u200D')
            {
                continue;
            }
            if (spaceBefore)
            {
                plain.Append(' ');
                spaceBefore = false;
            }
            plain.Append(c);
        }
        return plain.ToString();
    }
}
