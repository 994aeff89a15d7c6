using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PodSuite.WebApp;

namespace Services.UnitTests;

/// <summary>
/// mc3's way in: the web app listens on a Unix socket in a directory the proxy shares, and the proxy reaches it there.
/// Both run from their build output as processes; the socket is in a temporary directory of the test's own.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class ProxySocketTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _volume = Directory.CreateTempSubdirectory("podsuite-sock-");

    public ProxySocketTests()
    {
        // Others may pass through, as in an emptyDir, so that only the socket's own mode decides who connects.
        File.SetUnixFileMode(_volume.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
    }

    private string Socket => Path.Combine(_volume.FullName, "webapp.sock");

    public void Dispose() => _volume.Delete(recursive: true);

    [SkippableFact]
    public async Task TheWebAppServesH2cOnItsSocketToItsGroupAndRefusesAnyOtherUser()
    {
        // setpriv runs curl as another user only for root; CI runs as root, so there it runs, and fails if it cannot.
        Skip.IfNot(Environment.UserName == "root" || Environment.GetEnvironmentVariable("CI") == "true",
            "connecting as another user (setpriv) needs root");
        using var webapp = await WebAppProcess.StartAsync(Socket);
        var group = (await RunAsync("id", "-g")).Output.Trim();

        Assert.Equal(ProxyEndpoint.SocketMode, File.GetUnixFileMode(Socket));
        var member = await RunAsync("setpriv", "--reuid=65534", $"--regid={group}", "--clear-groups", "--",
            "curl", "-sS", "--max-time", "10", "--http2-prior-knowledge", "--unix-socket", Socket, "http://webapp/api/info");
        Assert.True(member.ExitCode == 0, member.Output);
        Assert.Contains("\"protocol\":\"HTTP/2\"", member.Output);
        var page = await RunAsync("curl", "-sS", "--max-time", "10", "--http2-prior-knowledge", "--unix-socket", Socket, "http://webapp/");
        Assert.Contains($"The request reached it on socket <strong>{Socket}</strong> over <strong>HTTP/2</strong>", page.Output);

        var other = await RunAsync("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--",
            "curl", "-sS", "--max-time", "10", "--http2-prior-knowledge", "--unix-socket", Socket, "http://webapp/api/info");
        Assert.True(other.ExitCode == 7, $"curl as another user should fail to connect (exit 7), got {other.ExitCode}: {other.Output}");
    }

    [Fact]
    public async Task AfterACrashTheWebAppRemovesItsStaleSocketAndTheProxyReconnects()
    {
        using var proxy = await ProxyProcess.StartAsync(Routes(), new Dictionary<string, string> { ["Proxy__UpstreamSockets__webapp"] = Socket });
        var first = await WebAppProcess.StartAsync(Socket);
        Assert.Contains("\"protocol\":\"HTTP/2\"", await proxy.Client.GetStringAsync("/api/info"));

        await first.CrashAsync();
        first.Dispose();
        Assert.True(File.Exists(Socket), "a crashed web app leaves its socket");
        using (var down = await proxy.Client.GetAsync("/api/info").WaitAsync(TimeSpan.FromSeconds(30)))
        {
            Assert.Equal(HttpStatusCode.BadGateway, down.StatusCode);
        }

        using var second = await WebAppProcess.StartAsync(Socket);
        Assert.Contains(second.Lines, l => l.Contains($"Removed {Socket}, left by a web app before this one: nothing listened on it", StringComparison.Ordinal));
        using var back = await proxy.Client.GetAsync("/api/info");
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Fact]
    public async Task ASocketSomethingListensOnIsLeftAloneAndTheWebAppStopsNamingIt()
    {
        using var other = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        other.Bind(new UnixDomainSocketEndPoint(Socket));
        other.Listen();

        using var webapp = WebAppProcess.Launch(Socket);

        Assert.NotEqual(0, await webapp.WaitForExitAsync(Bound));
        Assert.Contains(webapp.Lines, l => l.Contains($"Something already listens on {Socket} (WebApp__ProxySocket)", StringComparison.Ordinal));
        using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await client.ConnectAsync(new UnixDomainSocketEndPoint(Socket));
    }

    [Fact]
    public async Task AFileThatIsNotASocketIsLeftAloneAndTheWebAppStopsNamingIt()
    {
        await File.WriteAllTextAsync(Socket, "not mine to delete");

        using var webapp = WebAppProcess.Launch(Socket);

        Assert.NotEqual(0, await webapp.WaitForExitAsync(Bound));
        Assert.Contains(webapp.Lines, l => l.Contains($"{Socket} (WebApp__ProxySocket) is a file, not a socket; the web app leaves it alone", StringComparison.Ordinal));
        Assert.Equal("not mine to delete", await File.ReadAllTextAsync(Socket));
    }

    [Fact]
    public async Task AProxyWhoseSocketIsMissingAnswers502AtOnceAndLogsOneLineASecondNamingIt()
    {
        using var proxy = await ProxyProcess.StartAsync(Routes(), new Dictionary<string, string> { ["Proxy__UpstreamSockets__webapp"] = Socket });
        var started = Stopwatch.StartNew();

        for (var i = 0; i < 50; i++)
        {
            using var response = await proxy.Client.GetAsync($"/page/{i}").WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        }

        var seconds = (int)Math.Ceiling(started.Elapsed.TotalSeconds);
        var failures = await proxy.WaitForLinesAsync("Could not forward", Bound);
        Assert.InRange(failures.Count, 1, seconds + 1);
        Assert.Contains($"Cannot connect to {Socket} for webapp", failures[0]);
    }

    [Fact]
    public async Task ConfiguredEndpointsThatLeaveTheSocketOutStopTheWebAppNamingTheSetting()
    {
        using var webapp = WebAppProcess.Launch(Socket, new Dictionary<string, string> { ["Kestrel__Endpoints__http__Url"] = "http://127.0.0.1:0" });

        Assert.NotEqual(0, await webapp.WaitForExitAsync(Bound));
        Assert.Contains(webapp.Lines, l => l.Contains($"WebApp:ProxySocket (environment variable WebApp__ProxySocket) is '{Socket}', but the web app listens only on", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheWebAppIsUnreadyUntilItsSocketIsOpenToTheProxy()
    {
        var check = new ProxySocketHealthCheck(Socket);
        var context = new HealthCheckContext();

        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(context)).Status);
        check.Opened();
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(context)).Status);
        Assert.Equal(HealthStatus.Healthy, (await new ProxySocketHealthCheck(null).CheckHealthAsync(context)).Status);
    }

    [Fact]
    public void ASocketPathLongerThanTheKernelHoldsIsRefusedNamingTheSetting()
    {
        var path = "/run/" + new string('s', 103);

        var error = Assert.Throws<InvalidOperationException>(() => WebApplication.CreateSlimBuilder().ServeHttp2WithoutTlsOn(null, path));

        Assert.Contains($"WebApp:ProxySocket (environment variable WebApp__ProxySocket) is '{path}', 108 bytes; a socket's path holds at most 107", error.Message);
    }

    [Theory]
    [InlineData("http_ports", "5000;5001", "http://*:5000;http://*:5001;http://unix:")]
    [InlineData("urls", "http://127.0.0.1:5000", "http://127.0.0.1:5000;http://unix:")]
    public void TheSocketIsAddedToTheAddressesTheWebAppListensOnWithoutIt(string setting, string value, string expected)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSetting(setting, value);

        builder.ServeHttp2WithoutTlsOn(null, Socket);

        Assert.Equal(expected + Socket, builder.WebHost.GetSetting("urls"));
    }

    private string Routes()
    {
        var path = Path.Combine(_volume.FullName, "routes.json");
        File.WriteAllText(path, """
            {
              "ReverseProxy": {
                "Routes": { "all": { "ClusterId": "webapp", "Match": { "Path": "{**catch-all}" } } },
                "Clusters": {
                  "webapp": {
                    "Destinations": { "webapp": { "Address": "http://webapp" } },
                    "HttpRequest": { "Version": "2", "VersionPolicy": "RequestVersionExact", "ActivityTimeout": "00:00:05" }
                  }
                }
              }
            }
            """);
        return path;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(Bound);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }
}
