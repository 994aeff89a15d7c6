using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Services.UnitTests;

/// <summary>The proxy, run from its build output as a process, in front of a backend that is down or frozen.</summary>
public sealed class ProxyUnderFailureTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("podsuite-proxy-");

    public void Dispose() => _temp.Delete(recursive: true);

    [Fact]
    public async Task ABackendThatIsDownGets502sWithOneLogLineASecondAndNoStackTraces()
    {
        using var proxy = await ProxyProcess.StartAsync(Routes(FreePort(), activityTimeout: "00:00:05"));
        var started = Stopwatch.StartNew();

        for (var i = 0; i < 50; i++)
        {
            using var response = await proxy.Client.GetAsync($"/page/{i}");
            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        }

        var seconds = (int)Math.Ceiling(started.Elapsed.TotalSeconds);
        var failures = await proxy.WaitForLinesAsync("Could not forward", Bound);
        Assert.InRange(failures.Count, 1, seconds + 1);
        Assert.Contains("requests failed since the last such line", failures[0]);
        Assert.DoesNotContain(proxy.Lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFrozenBackendGetsA504AfterTheRoutesTimeoutNotAfter100Seconds()
    {
        // Accepts connections and never answers, as a stopped (SIGSTOP) web app would.
        using var frozen = new TcpListener(IPAddress.Loopback, 0);
        frozen.Start();
        using var proxy = await ProxyProcess.StartAsync(Routes(((IPEndPoint)frozen.LocalEndpoint).Port, activityTimeout: "00:00:02"));

        using var response = await proxy.Client.GetAsync("/").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
    }

    [Fact]
    public void TheDemosRoutesFileBoundsHowLongTheProxyWaitsForTheWebApp()
    {
        using var routes = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestRepository.Root, "AppHost/pods/mc3/proxy-routes.json")));

        var timeout = TimeSpan.Parse(
            routes.RootElement.GetProperty("ReverseProxy").GetProperty("Clusters").GetProperty("webapp")
                .GetProperty("HttpRequest").GetProperty("ActivityTimeout").GetString()!,
            System.Globalization.CultureInfo.InvariantCulture);

        Assert.InRange(timeout, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
    }

    private string Routes(int backendPort, string activityTimeout)
    {
        var path = Path.Combine(_temp.FullName, "routes.json");
        File.WriteAllText(path, $$"""
            {
              "ReverseProxy": {
                "Routes": { "all": { "ClusterId": "backend", "Match": { "Path": "{**catch-all}" } } },
                "Clusters": {
                  "backend": {
                    "Destinations": { "backend": { "Address": "http://127.0.0.1:{{backendPort}}" } },
                    "HttpRequest": { "ActivityTimeout": "{{activityTimeout}}" }
                  }
                }
              }
            }
            """);
        return path;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
