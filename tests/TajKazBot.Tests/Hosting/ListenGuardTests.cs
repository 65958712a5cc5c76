using TajKazBot.Hosting;
using TajKazBot.Tests.Support;

namespace TajKazBot.Tests.Hosting;

public sealed class ListenGuardTests
{
    [Theory]
    [InlineData("http://localhost:3978", true)]
    [InlineData("http://127.0.0.1:0", true)]
    [InlineData("https://[::1]:443", true)]
    [InlineData("http://0.0.0.0:3978", false)]
    [InlineData("http://[::]:3978", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://*:80", false)]
    [InlineData("http://192.168.1.20:3978", false)]
    public void Loopback_addresses_are_told_apart(string address, bool loopback)
    {
        Assert.Equal(loopback, ListenGuard.IsLoopback(address));
    }

    [Fact]
    public async Task Without_an_app_id_the_bot_refuses_to_listen_on_every_interface()
    {
        var (exitCode, stdout, stderr) = await CliProcess.RunAsync(
            new Dictionary<string, string> { ["Retrieval__Semantic"] = "false", ["Model__Provider"] = "None" },
            "--urls", "http://0.0.0.0:0");

        Assert.Equal(1, exitCode);
        Assert.Contains("Endpoint:AllowUnauthenticatedRemote", stdout + stderr);
    }
}
