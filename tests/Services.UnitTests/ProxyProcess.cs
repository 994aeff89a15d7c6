using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Services.UnitTests;

/// <summary>The proxy from its own build output, as a child process on a free port; killed by process id at the end.</summary>
internal sealed class ProxyProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private ProxyProcess(string routesFile, int port)
    {
        var output = Path.Combine(TestRepository.Root, "services", "Proxy", "bin", "Debug", "net10.0");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(output, "Proxy.dll"), "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = output,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["Proxy__RoutesFile"] = routesFile,
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null,
            },
        };
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Collect(e.Data);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>Starts the proxy and waits (bounded) until it answers its health endpoint.</summary>
    public static async Task<ProxyProcess> StartAsync(string routesFile)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var proxy = new ProxyProcess(routesFile, port);
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

    /// <summary>The lines containing <paramref name="text"/>, once there are at least <paramref name="count"/> (bounded).</summary>
    public async Task<List<string>> WaitForLinesAsync(string text, int count, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var found = Lines.Where(l => l.Contains(text, StringComparison.Ordinal)).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            Assert.False(cancel.IsCancellationRequested, $"no '{text}' line within {timeout}:\n{string.Join('\n', Lines)}");
            await Task.Delay(100, CancellationToken.None);
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}
