using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace TajKazBot.Tests.Support;

/// <summary>
/// A loopback stand-in for Bot Framework's token service: its OpenID configuration and a JWKS holding one
/// RSA key, which signs the test tokens, served over HTTPS (the SDK fetches metadata over nothing else)
/// with a self-signed certificate for 127.0.0.1. A bot process that trusts <see cref="CertificatePemPath"/>
/// (through <c>SSL_CERT_FILE</c>) can check tokens against it.
/// </summary>
public sealed class OpenIdServer : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";

    private const string KeyId = "test-key-1";

    private readonly WebApplication app;
    private readonly RSA key = RSA.Create(2048);

    public OpenIdServer()
    {
        using var certificate = SelfSignedCertificate();
        CertificatePemPath = Path.Combine(Path.GetTempPath(), $"tajkazbot-openid-{Guid.NewGuid():N}.pem");
        File.WriteAllText(CertificatePemPath, certificate.ExportCertificatePem());
        var serving = X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(serving)));
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(new
        {
            issuer = Issuer,
            jwks_uri = BaseUrl + "v1/.well-known/keys",
            id_token_signing_alg_values_supported = new[] { "RS256" },
            token_endpoint_auth_methods_supported = new[] { "private_key_jwt" },
        }));
        app.MapGet("/v1/.well-known/keys", () =>
        {
            var parameters = key.ExportParameters(false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new { kty = "RSA", use = "sig", kid = KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent), endorsements = new[] { "emulator", "msteams" } },
                },
            });
        });
        app.StartAsync().GetAwaiter().GetResult();
        BaseUrl = app.Urls.First().TrimEnd('/') + "/";
    }

    public string BaseUrl { get; }

    public string MetadataUrl => BaseUrl + "v1/.well-known/openidconfiguration";

    public string CertificatePemPath { get; }

    /// <summary>A channel token as Bot Framework issues it, signed by this server's key unless another is given.</summary>
    public string Token(string audience, string serviceUrl, string issuer = Issuer, DateTime? expires = null, RSA? signingKey = null)
    {
        var expiry = expires ?? DateTime.UtcNow.AddHours(1);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddHours(-2),
            NotBefore = expiry.AddHours(-2),
            Expires = expiry,
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signingKey ?? key) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        };
        return new JwtSecurityTokenHandler().CreateEncodedJwt(descriptor);
    }

    /// <summary>The same claims with no signature at all (<c>alg: none</c>).</summary>
    public static string Unsigned(string audience, string serviceUrl)
    {
        var token = new JwtSecurityToken(Issuer, audience, [new Claim("serviceurl", serviceUrl)], DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddHours(1));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }


    private static X509Certificate2 SelfSignedCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        key.Dispose();
        File.Delete(CertificatePemPath);
    }
}
