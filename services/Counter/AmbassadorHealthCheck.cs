using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace PodSuite.Counter;

/// <summary>Healthy while the app is connected to the ambassador beside it.</summary>
public sealed class AmbassadorHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(redis.IsConnected
            ? HealthCheckResult.Healthy("connected to the ambassador")
            : HealthCheckResult.Unhealthy("not connected to the ambassador at localhost"));
}
