namespace TajKazBot.Hosting;

/// <summary>Settings section <c>Endpoint</c>: what <c>/api/messages</c> accepts and how it talks back.</summary>
public sealed class EndpointSettings
{
    public const string Section = "Endpoint";

    /// <summary>Largest request body accepted; larger ones get 413 before anything is parsed.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>Longest conversation id accepted; ids are storage keys, so a longer one gets 400.</summary>
    public int MaxConversationIdChars { get; set; } = 512;

    /// <summary>
    /// How long checking a request's token may take, including fetching the OpenID metadata and keys;
    /// a token not verified by then gets 401, and the channel retries.
    /// </summary>
    public TimeSpan AuthenticationTimeout { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// How long one fetch of the OpenID metadata or signing keys may take; it goes on after the request that
    /// started it has had its 401, so the next request may find the keys cached.
    /// </summary>
    public TimeSpan MetadataTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one call to a channel's connector (sending a reply) may take.</summary>
    public TimeSpan ConnectorTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Without <c>MicrosoftAppId</c> nobody is authenticated, so the bot refuses to listen on a
    /// non-loopback address unless this is true (and then warns at start).
    /// </summary>
    public bool AllowUnauthenticatedRemote { get; set; }

    /// <summary>
    /// Without <c>MicrosoftAppId</c>, replies go only to a loopback <c>serviceUrl</c> or to one of these
    /// host names; with it, only to the <c>serviceUrl</c> the channel's token vouches for.
    /// </summary>
    public string[] AllowedServiceHosts { get; set; } = [];
}
