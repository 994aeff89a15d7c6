using System.Net;
using System.Net.Sockets;

namespace PodSuite.Proxy;

/// <summary>
/// Destinations the proxy reaches over a Unix socket rather than TCP: <c>Proxy:UpstreamSockets:&lt;host&gt;</c> names the
/// socket for requests to that host (environment variable <c>Proxy__UpstreamSockets__webapp</c> for
/// <c>http://webapp</c>). Other hosts are connected to over TCP, as without it. Each new connection looks the socket up
/// afresh, so a web app that restarts and makes its socket again is reached on the next request.
/// </summary>
public sealed class UpstreamSockets
{
    /// <summary>The configuration section of the sockets.</summary>
    public const string Section = "Proxy:UpstreamSockets";

    private readonly Dictionary<string, UnixDomainSocketEndPoint> _sockets;

    /// <summary>The sockets named in <paramref name="configuration"/>'s section, by host.</summary>
    public UpstreamSockets(IConfiguration configuration) =>
        _sockets = configuration.GetSection(Section).GetChildren()
            .Where(c => !string.IsNullOrEmpty(c.Value))
            .ToDictionary(c => c.Key, c => new UnixDomainSocketEndPoint(c.Value!), StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether any host is reached over a socket.</summary>
    public bool Any => _sockets.Count > 0;

    /// <summary>Opens a connection to <paramref name="endPoint"/>: its socket if it has one, otherwise TCP.</summary>
    public async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, CancellationToken cancellationToken)
    {
        var unix = _sockets.GetValueOrDefault(endPoint.Host);
        var socket = unix is null
            ? new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true }
            : new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(unix ?? (EndPoint)endPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (SocketException e) when (unix is not null)
        {
            socket.Dispose();
            throw new HttpRequestException(HttpRequestError.ConnectionError, $"Cannot connect to {unix} for {endPoint.Host}: {e.Message}");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
