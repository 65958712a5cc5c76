using System.Security.Claims;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Moq;
using TajKazBot.Hosting;

namespace TajKazBot.Tests.Hosting;

/// <summary>The SDK's per-turn clients are built on first use, once, and by the wrapped authentication.</summary>
public sealed class DeferredClientsTests
{
    private readonly Mock<ConnectorFactory> factory = new();
    private readonly Mock<IConnectorClient> client = new();
    private readonly Mock<BotFrameworkAuthentication> inner = new();

    public DeferredClientsTests()
    {
        client.SetupGet(c => c.BaseUri).Returns(new Uri("http://127.0.0.1:9/"));
        factory.Setup(f => f.CreateAsync("http://127.0.0.1:9/", "audience", It.IsAny<CancellationToken>())).ReturnsAsync(client.Object);
        inner.Setup(a => a.AuthenticateRequestAsync(It.IsAny<Activity>(), "Bearer x", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AuthenticateRequestResult { ConnectorFactory = factory.Object, Audience = "audience", CallerId = "caller" });
    }

    [Fact]
    public async Task A_turn_that_never_calls_the_channel_builds_no_connector_client()
    {
        var authenticated = await new DeferredClientsAuthentication(inner.Object).AuthenticateRequestAsync(new Activity(), "Bearer x", CancellationToken.None);

        using (await authenticated.ConnectorFactory.CreateAsync("http://127.0.0.1:9/", "audience", CancellationToken.None))
        {
        }

        Assert.Equal("caller", authenticated.CallerId);
        factory.Verify(f => f.CreateAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        client.Verify(c => c.Dispose(), Times.Never);
    }

    [Fact]
    public async Task The_first_use_builds_the_client_once_and_disposing_the_turn_disposes_it()
    {
        var authenticated = await new DeferredClientsAuthentication(inner.Object).AuthenticateRequestAsync(new Activity(), "Bearer x", CancellationToken.None);

        using (var deferred = await authenticated.ConnectorFactory.CreateAsync("http://127.0.0.1:9/", "audience", CancellationToken.None))
        {
            Assert.Equal(new Uri("http://127.0.0.1:9/"), deferred.BaseUri);
            Assert.Same(client.Object.Conversations, deferred.Conversations);
        }

        factory.Verify(f => f.CreateAsync("http://127.0.0.1:9/", "audience", It.IsAny<CancellationToken>()), Times.Once);
        client.Verify(c => c.Dispose(), Times.Once);
    }

    [Fact]
    public async Task The_user_token_client_is_built_when_a_token_is_asked_for()
    {
        var tokens = new Mock<UserTokenClient>();
        tokens.Setup(t => t.GetUserTokenAsync("user", "connection", "msteams", null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new TokenResponse { Token = "token" });
        inner.Setup(a => a.CreateUserTokenClientAsync(It.IsAny<ClaimsIdentity>(), It.IsAny<CancellationToken>())).ReturnsAsync(tokens.Object);
        var authentication = new DeferredClientsAuthentication(inner.Object);

        using var deferred = await authentication.CreateUserTokenClientAsync(new ClaimsIdentity(), CancellationToken.None);
        inner.Verify(a => a.CreateUserTokenClientAsync(It.IsAny<ClaimsIdentity>(), It.IsAny<CancellationToken>()), Times.Never);
        var token = await deferred.GetUserTokenAsync("user", "connection", "msteams", null, CancellationToken.None);

        Assert.Equal("token", token.Token);
        inner.Verify(a => a.CreateUserTokenClientAsync(It.IsAny<ClaimsIdentity>(), It.IsAny<CancellationToken>()), Times.Once);
    }
}
