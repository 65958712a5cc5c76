using Microsoft.AspNetCore.Http.Features;

namespace TajKazBot.Hosting;

/// <summary>A request's body read whole, up to a limit: a body over it is left unread, a chunked one counted as it arrives.</summary>
public static class RequestBody
{
    /// <summary>The body, or null when it is over <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // Kestrel then stops reading past the limit itself, instead of buffering the default 30 MB.
            limit.MaxRequestBodySize = maxBytes + 1L;
        }
        using var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    return null;
                }
                body.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return body.ToArray();
    }
}
