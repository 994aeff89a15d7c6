using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace PodSuite.WebApp;

/// <summary>
/// The port the pod's proxy forwards to. It speaks HTTP/2 without TLS (h2c, prior knowledge), so one connection
/// carries every request between proxy and app; browsers and probes keep the HTTP/1.1 port. Kestrel serves h2c only on
/// an HTTP/2-only endpoint, hence a port of its own.
/// </summary>
public static class ProxyEndpoint
{
    /// <summary>The configuration key (environment variable <c>WebApp__ProxyPort</c>) the app host sets to that port.</summary>
    public const string PortKey = "WebApp:ProxyPort";

    /// <summary>Makes the endpoint bound to <paramref name="port"/> (from the app's URLs) HTTP/2-only; nothing when null.</summary>
    public static void ServeHttp2WithoutTlsOn(this WebApplicationBuilder builder, int? port)
    {
        if (port is not { } h2cPort)
        {
            return;
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint =>
        {
            if (endpoint.IPEndPoint?.Port == h2cPort)
            {
                endpoint.Protocols = HttpProtocols.Http2;
            }
        }));
    }

    /// <summary>
    /// Fails when <paramref name="port"/> is set but none of the addresses the app listens on uses it: the proxy would
    /// get nothing but connection errors.
    /// </summary>
    public static void EnsureListening(int? port, IEnumerable<string> addresses)
    {
        var listening = addresses.ToList();
        if (port is { } h2cPort && !listening.Any(address => new Uri(address).Port == h2cPort))
        {
            throw new InvalidOperationException(
                $"{PortKey} (environment variable WebApp__ProxyPort) is {h2cPort}, but the web app listens only on " +
                $"{string.Join(", ", listening)}: add http://*:{h2cPort} to its URLs, as the app host does with " +
                "WithHttpEndpoint(name: \"h2c\").");
        }
    }
}
