using System.Text.Json;
using System.Text.Json.Serialization;

namespace PodSuite.WebApp;

/// <summary>
/// What the web app tells about where it runs and how the request reached it: <see cref="Protocol"/> is the HTTP
/// version of the last hop (HTTP/2 when the pod's proxy forwarded it over h2c).
/// </summary>
public sealed record PodInfo(string Hostname, string Protocol, IReadOnlyDictionary<string, string> ForwardedHeaders, double UptimeSeconds)
{
    /// <summary>
    /// Takes the forwarding headers a proxy added: X-Forwarded-* and Forwarded as received, and X-Original-*, where
    /// ASP.NET Core's forwarded headers middleware (on in containers) keeps what it replaced with the forwarded values.
    /// </summary>
    public static PodInfo From(string hostname, string protocol, IHeaderDictionary headers, TimeSpan uptime) => new(
        hostname,
        protocol,
        new SortedDictionary<string, string>(
            headers.Where(h => IsForwardingHeader(h.Key)).ToDictionary(h => CanonicalName(h.Key), h => h.Value.ToString()),
            StringComparer.OrdinalIgnoreCase),
        Math.Round(uptime.TotalSeconds, 3));

    // HTTP/2 sends header names in lower case (x-forwarded-for); they are shown as HTTP/1.1 writes them.
    private static string CanonicalName(string name) =>
        string.Join('-', name.Split('-').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..].ToLowerInvariant()));

    private static bool IsForwardingHeader(string name) =>
        name.StartsWith("X-Forwarded-", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("X-Original-", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Forwarded", StringComparison.OrdinalIgnoreCase);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PodInfo))]
internal sealed partial class WebAppJsonContext : JsonSerializerContext;
