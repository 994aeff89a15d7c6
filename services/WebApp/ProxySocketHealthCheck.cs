using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PodSuite.WebApp;

/// <summary>
/// Keeps the web app unready (<c>/health</c>) until its proxy socket has its mode: Kestrel makes the socket, and serves
/// the TCP port, a moment before the web app can open it to the proxy's user.
/// </summary>
public sealed class ProxySocketHealthCheck(string? socket) : IHealthCheck
{
    private volatile bool _open;

    /// <summary>Marks the socket as open to the proxy.</summary>
    public void Opened() => _open = true;

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(socket is null || _open
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"The proxy's socket {socket} is not open to the proxy yet."));
}
