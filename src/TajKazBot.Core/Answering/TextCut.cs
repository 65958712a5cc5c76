namespace TajKazBot.Core.Answering;

public static class TextCut
{
    /// <summary>Cuts text at the last word boundary that keeps it within <paramref name="maxChars"/>, ellipsis included.</summary>
    public static string AtWord(string text, int maxChars)
    {
        var trimmed = text.Trim();
        if (trimmed.Length <= maxChars)
        {
            return trimmed;
        }
        var cut = trimmed.LastIndexOf(' ', Math.Max(0, maxChars - 1));
        var end = cut > 0 ? cut : maxChars - 1;
        return trimmed[..end].TrimEnd(',', ';', ':', ' ', '.') + "…";
    }
}
