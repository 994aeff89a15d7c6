using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Services.UnitTests;

/// <summary>The proxy from its own build output, as a child process on a free port.</summary>
internal sealed class ProxyProcess : IDisposable
{
    private readonly ChildProcess _process;

    private ProxyProcess(string routesFile, int port, IReadOnlyDictionary<string, string> environment)
    {
        var output = Path.Combine(TestRepository.Root, "services", "Proxy", "bin", "Debug", "net10.0");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(output, "Proxy.dll"), "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = output,
            Environment =
            {
                ["Proxy__RoutesFile"] = routesFile,
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null,
            },
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        _process = new ChildProcess(start);
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public IReadOnlyList<string> Lines => _process.Lines;

    /// <summary>Starts the proxy and waits (bounded) until it answers its health endpoint.</summary>
    public static async Task<ProxyProcess> StartAsync(string routesFile, IReadOnlyDictionary<string, string>? environment = null)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var proxy = new ProxyProcess(routesFile, port, environment ?? new Dictionary<string, string>());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                using var health = await proxy.Client.GetAsync("/health", timeout.Token);
                if (health.IsSuccessStatusCode)
                {
                    return proxy;
                }
            }
            catch (HttpRequestException) when (!timeout.IsCancellationRequested && !proxy._process.HasExited)
            {
            }

            Assert.False(proxy._process.HasExited, $"the proxy exited:\n{string.Join('\n', proxy.Lines)}");
            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>The lines containing <paramref name="text"/>, once there is at least one (bounded).</summary>
    public async Task<List<string>> WaitForLinesAsync(string text, TimeSpan timeout)
    {
        await _process.WaitForLineAsync(text, timeout);
        return [.. Lines.Where(l => l.Contains(text, StringComparison.Ordinal))];
    }

    public void Dispose()
    {
        Client.Dispose();
        _process.Dispose();
    }
}
