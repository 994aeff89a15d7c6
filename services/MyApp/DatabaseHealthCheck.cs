using Microsoft.Extensions.Diagnostics.HealthChecks;
using PodSuite.MyAppDb;

namespace PodSuite.MyApp;

/// <summary>myapp is ready only while its database can serve: the readiness probe sees what the pages would.</summary>
public sealed class DatabaseHealthCheck(AppDatabase database) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(database.Problem() is { } problem ? HealthCheckResult.Unhealthy(problem) : HealthCheckResult.Healthy());
}
