using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace PodSuite.WebApp;

/// <summary>
/// Where the pod's proxy reaches the web app: a Unix socket in a volume the two containers share
/// (<c>WebApp__ProxySocket</c>, mc3's way), or a TCP port (<c>WebApp__ProxyPort</c>). Either speaks HTTP/2 without TLS
/// (h2c, prior knowledge), so one connection carries every request between proxy and app; browsers and probes keep the
/// HTTP/1.1 port. Kestrel serves h2c only on an HTTP/2-only endpoint, hence an endpoint of its own.
/// </summary>
public static class ProxyEndpoint
{
    /// <summary>The configuration key (environment variable <c>WebApp__ProxyPort</c>) of the proxy's TCP port.</summary>
    public const string PortKey = "WebApp:ProxyPort";

    /// <summary>The configuration key (environment variable <c>WebApp__ProxySocket</c>) of the proxy's socket path.</summary>
    public const string SocketKey = "WebApp:ProxySocket";

    /// <summary>
    /// Who may connect to the socket: the web app's user and group (0660). In a pod the proxy runs as the same user; any
    /// other user is refused.
    /// </summary>
    public const UnixFileMode SocketMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;

    /// <summary>The longest socket path the kernel holds, in UTF-8 bytes (108 with the terminating NUL).</summary>
    public const int MaxSocketPathBytes = 107;

    /// <summary>
    /// Makes the proxy's endpoints HTTP/2-only: the one bound to <paramref name="port"/> (from the app's URLs), and a
    /// Unix socket at <paramref name="socket"/>, added to the app's URLs. Nothing for those that are null.
    /// </summary>
    /// <returns>Whether a stale socket (a file nothing listened on) was removed first.</returns>
    public static bool ServeHttp2WithoutTlsOn(this WebApplicationBuilder builder, int? port, string? socket)
    {
        var removedStale = false;
        if (socket is not null)
        {
            if (Encoding.UTF8.GetByteCount(socket) > MaxSocketPathBytes)
            {
                throw new InvalidOperationException(
                    $"{SocketKey} (environment variable WebApp__ProxySocket) is '{socket}', {Encoding.UTF8.GetByteCount(socket)} bytes; " +
                    $"a socket's path holds at most {MaxSocketPathBytes}. Use a shorter path.");
            }

            removedStale = SocketFile.RemoveIfStale(socket, "WebApp__ProxySocket");
            builder.WebHost.UseUrls([.. ServerUrls(builder.WebHost), SocketUrl(socket)]);
        }

        if (port is not null || socket is not null)
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint =>
            {
                if ((port is not null && endpoint.IPEndPoint?.Port == port) || (socket is not null && endpoint.SocketPath == socket))
                {
                    endpoint.Protocols = HttpProtocols.Http2;
                }
            }));
        }

        return removedStale;
    }

    /// <summary>Kestrel's address for HTTP on the socket, as it is given and as it reports it.</summary>
    private static string SocketUrl(string socket) => $"http://unix:{socket}";

    /// <summary>
    /// Gives the socket its mode once Kestrel has made it: the proxy's user may connect, others may not. Fails when the
    /// web app does not listen on it after all, or when the file is gone.
    /// </summary>
    public static void OpenToTheProxy(string? socket, IEnumerable<string> addresses)
    {
        if (socket is null || OperatingSystem.IsWindows())
        {
            return;
        }

        var listening = addresses.ToList();
        if (!listening.Contains(SocketUrl(socket)))
        {
            throw new InvalidOperationException(
                $"{SocketKey} (environment variable WebApp__ProxySocket) is '{socket}', but the web app listens only on " +
                $"{string.Join(", ", listening)}: endpoints in its configuration (Kestrel:Endpoints) replace the addresses the " +
                "socket is added to. Remove them, or add the socket among them.");
        }

        if (!File.Exists(socket))
        {
            throw new InvalidOperationException(
                $"The web app made its socket {socket} ({SocketKey}), but it is gone: something removed it as the web app " +
                "started, such as another web app stopping there. Restart the web app.");
        }

        File.SetUnixFileMode(socket, SocketMode);
    }

    /// <summary>
    /// Fails when <paramref name="port"/> is set but none of the addresses the app listens on uses it: the proxy would
    /// get nothing but connection errors.
    /// </summary>
    public static void EnsureListening(int? port, IEnumerable<string> addresses)
    {
        var listening = addresses.ToList();
        if (port is { } h2cPort && !listening.Any(address => !address.StartsWith("http://unix:", StringComparison.Ordinal) && new Uri(address).Port == h2cPort))
        {
            throw new InvalidOperationException(
                $"{PortKey} (environment variable WebApp__ProxyPort) is {h2cPort}, but the web app listens only on " +
                $"{string.Join(", ", listening)}: add http://*:{h2cPort} to its URLs, as the app host does with " +
                "WithHttpEndpoint(name: \"h2c\").");
        }
    }

    // The addresses the host would bind without the socket: adding one to the URLs replaces what they default to.
    private static IEnumerable<string> ServerUrls(IWebHostBuilder host)
    {
        if (host.GetSetting(WebHostDefaults.ServerUrlsKey) is { Length: > 0 } urls)
        {
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        var http = Ports(host.GetSetting(WebHostDefaults.HttpPortsKey)).Select(p => $"http://*:{p}");
        var https = Ports(host.GetSetting(WebHostDefaults.HttpsPortsKey)).Select(p => $"https://*:{p}");
        var both = http.Concat(https).ToList();
        return both.Count > 0 ? both : ["http://localhost:5000"];
    }

    private static string[] Ports(string? ports) =>
        ports?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
