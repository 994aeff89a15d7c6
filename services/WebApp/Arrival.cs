using System.Globalization;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections.Features;

namespace PodSuite.WebApp;

/// <summary>Where a request reached the web app: a TCP port or a Unix socket, and whether that is the proxy's way in.</summary>
/// <param name="Where">"port 5000" or "socket /run/mc3/webapp.sock".</param>
/// <param name="Socket">The socket's path when it came over one.</param>
/// <param name="IsTheProxys">Whether it is the endpoint kept for the proxy (HTTP/2 without TLS).</param>
public sealed record Arrival(string Where, string? Socket, bool IsTheProxys)
{
    /// <summary>Where <paramref name="context"/>'s request arrived, given the proxy's port and socket (if any).</summary>
    public static Arrival Of(HttpContext context, int? proxyPort, string? proxySocket)
    {
        // Only a Unix socket has no IP address; Kestrel does not always say which socket, and the web app has one.
        if (context.Connection.LocalIpAddress is null && proxySocket is not null)
        {
            var local = context.Features.Get<IConnectionEndPointFeature>()?.LocalEndPoint as UnixDomainSocketEndPoint;
            var path = local?.ToString() is { Length: > 0 } named ? named : proxySocket;
            return new($"socket {path}", path, path == proxySocket);
        }

        var port = context.Connection.LocalPort;
        return new($"port {port.ToString(CultureInfo.InvariantCulture)}", null, port == proxyPort);
    }
}
