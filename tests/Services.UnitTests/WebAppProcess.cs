using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Services.UnitTests;

/// <summary>The web app from its build output, as a child process: HTTP/1.1 on a free port, h2c on a Unix socket for the proxy.</summary>
internal sealed class WebAppProcess : IDisposable
{
    private readonly ChildProcess _process;
    private readonly HttpClient _client;

    private WebAppProcess(string socket, int port, IReadOnlyDictionary<string, string> environment)
    {
        var output = Path.Combine(TestRepository.Root, "services", "WebApp", "bin", "Debug", "net10.0");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(output, "WebApp.dll") },
            WorkingDirectory = output,
            Environment =
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["WebApp__ProxySocket"] = socket,
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null,
            },
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        _process = new ChildProcess(start);
        _client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public IReadOnlyList<string> Lines => _process.Lines;

    /// <summary>Starts the web app; it has not necessarily made its socket yet.</summary>
    public static WebAppProcess Launch(string socket, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new WebAppProcess(socket, port, environment ?? new Dictionary<string, string>());
    }

    /// <summary>Starts the web app and waits (bounded) until it answers its health endpoint, by when its socket is made.</summary>
    public static async Task<WebAppProcess> StartAsync(string socket)
    {
        var webapp = Launch(socket);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                using var health = await webapp._client.GetAsync("/health", timeout.Token);
                if (health.IsSuccessStatusCode)
                {
                    return webapp;
                }
            }
            catch (HttpRequestException) when (!timeout.IsCancellationRequested && !webapp._process.HasExited)
            {
            }

            Assert.False(webapp._process.HasExited, $"the web app exited:\n{string.Join('\n', webapp.Lines)}");
            await Task.Delay(100, timeout.Token);
        }
    }

    public Task<int> WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(timeout);

    /// <summary>SIGKILL, as a crash: the web app gets no chance to remove its socket.</summary>
    public async Task CrashAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    public void Dispose()
    {
        _client.Dispose();
        _process.Dispose();
    }
}
