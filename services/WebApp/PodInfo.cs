using System.Text.Json;
using System.Text.Json.Serialization;

namespace PodSuite.WebApp;

/// <summary>What the web app tells about where it runs and how the request reached it.</summary>
public sealed record PodInfo(string Hostname, IReadOnlyDictionary<string, string> ForwardedHeaders, double UptimeSeconds)
{
    /// <summary>
    /// Takes the forwarding headers a proxy added: X-Forwarded-* and Forwarded as received, and X-Original-*, where
    /// ASP.NET Core's forwarded headers middleware (on in containers) keeps what it replaced with the forwarded values.
    /// </summary>
    public static PodInfo From(string hostname, IHeaderDictionary headers, TimeSpan uptime) => new(
        hostname,
        new SortedDictionary<string, string>(
            headers.Where(h => IsForwardingHeader(h.Key)).ToDictionary(h => h.Key, h => h.Value.ToString()),
            StringComparer.OrdinalIgnoreCase),
        Math.Round(uptime.TotalSeconds, 3));

    private static bool IsForwardingHeader(string name) =>
        name.StartsWith("X-Forwarded-", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("X-Original-", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Forwarded", StringComparison.OrdinalIgnoreCase);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PodInfo))]
internal sealed partial class WebAppJsonContext : JsonSerializerContext;
