namespace TajKazBot.Core.Generation;

/// <summary>
/// Takes out of a model's answer every piece of markup that could act in the user's client: HTML (an
/// injected passage can talk a model into writing <c>&lt;img onerror=…&gt;</c>), links and images in
/// markdown, and bare URLs a channel would turn into links. What is left is plain text, the model's
/// emphasis and lists, and the <c>[n]</c> markers, which are then held to the passages in code. The only
/// links in an answer are the bot's own citations, rendered from the passages.
/// </summary>
public static partial class ModelMarkup
{
    public static string Strip(string modelText)
    {
        var text = Image().Replace(modelText, "${text}");
        text = Link().Replace(text, "${text}");
        text = LinkDefinition().Replace(text, "");
        text = HtmlTag().Replace(text, "");
        // A URL's closing full stop or comma belongs to the sentence and stays.
        text = Url().Replace(text, "");
        // What is left of "<" can no longer open a tag once escaped.
        return text.Replace("<", "&lt;", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"!\[(?<text>[^\]]*)\]\((?:[^()]|\([^()]*\))*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\((?:[^()]|\([^()]*\))*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^[ \t]*\[[^\]]+\]:[ \t]*\S+.*$", RegexOptions.Multiline)]
    private static partial Regex LinkDefinition();

    [GeneratedRegex(@"<!--.*?-->|</?[A-Za-z!?][^<>]*>", RegexOptions.Singleline)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\b(?:(?:https?|ftp|file|javascript|vbscript|data|mailto):|www\.)(?:[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'""])?", RegexOptions.IgnoreCase)]
    private static partial Regex Url();
}
