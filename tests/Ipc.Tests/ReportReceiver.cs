using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using PodSuite.IpcRun;

namespace Ipc.Tests;

/// <summary>
/// Stands in for mc3's web app: takes run reports at <c>/runs/mc2</c> on a free local port, answering 503 to the first
/// <c>refuseFirst</c> requests (a pod that is not up yet), then 204.
/// </summary>
internal sealed class ReportReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<IpcRunReport> _reports = new();
    private int _refuseLeft;
    private int _requests;

    public ReportReceiver(int refuseFirst = 0)
    {
        _refuseLeft = refuseFirst;
        Address = new Uri($"http://127.0.0.1:{FreePort()}{IpcRunReport.Path}");
        _listener.Prefixes.Add($"http://127.0.0.1:{Address.Port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public Uri Address { get; }

    public IReadOnlyList<IpcRunReport> Reports => [.. _reports];

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>A local port nothing listens on (it was free a moment ago).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _requests);
            if (Interlocked.Decrement(ref _refuseLeft) >= 0)
            {
                context.Response.StatusCode = 503;
            }
            else if (context.Request.HttpMethod == "POST" && context.Request.Url?.AbsolutePath == IpcRunReport.Path)
            {
                _reports.Enqueue((await JsonSerializer.DeserializeAsync(context.Request.InputStream, IpcRunJsonContext.Default.IpcRunReport))!);
                context.Response.StatusCode = 204;
            }
            else
            {
                context.Response.StatusCode = 404;
            }

            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
