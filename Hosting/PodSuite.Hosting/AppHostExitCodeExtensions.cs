using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PodSuite.Hosting;

namespace Aspire.Hosting;

/// <summary>Extension methods that end an app host with an honest exit code.</summary>
public static class AppHostExitCodeExtensions
{
    /// <summary>The process exit code of a run or publish that failed.</summary>
    public const int FailureExitCode = 1;

    /// <summary>
    /// Runs the app host, as <c>Run</c> does, and returns the exit code for the process: 0, or
    /// <see cref="FailureExitCode"/> when the app model is invalid (reported before anything starts, in a run as in a
    /// publish) or a publishing step failed. Each error is printed once, naming the resources and the fix; its stack
    /// trace only with verbose logging (<c>--Logging:LogLevel:Default=Debug</c>).
    /// </summary>
    /// <param name="app">The built app host.</param>
    /// <param name="cancellationToken">Stops the app host.</param>
    /// <returns>The exit code for the process.</returns>
    /// <example>
    /// <code>
    /// return await builder.Build().RunWithExitCodeAsync();
    /// </code>
    /// </example>
    public static async Task<int> RunWithExitCodeAsync(this DistributedApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Resolved before the run, in case a later Aspire disposes the host's services when it ends.
        var failures = app.Services.GetService<AppHostFailures>();
        try
        {
            await app.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ModelError(ex) is { } error)
        {
            await Console.Error.WriteLineAsync(Verbose(app) ? error.ToString() : error.Message).ConfigureAwait(false);
            return FailureExitCode;
        }

        // A step of Aspire's own that failed stops the host as a faulted background service, which Run does not report
        // (Aspire has logged it). The hosted services are looked at only now: resolving them early starts Aspire's own.
        return failures is { Any: true } || AnyFaulted(app) ? FailureExitCode : 0;
    }

    private static bool AnyFaulted(DistributedApplication app)
    {
        try
        {
            return app.Services.GetServices<IHostedService>().OfType<BackgroundService>().Any(s => s.ExecuteTask?.IsFaulted == true);
        }
        catch (ObjectDisposedException)
        {
            // A host that disposed its services can no longer say; PodSuite's own failures are counted already.
            return false;
        }
    }

    // Aspire raises the app model's mistakes as DistributedApplicationException, sometimes inside an AggregateException.
    private static DistributedApplicationException? ModelError(Exception exception) => exception switch
    {
        DistributedApplicationException error => error,
        AggregateException { InnerExceptions.Count: 1 } aggregate => ModelError(aggregate.InnerExceptions[0]),
        _ => null,
    };

    private static bool Verbose(DistributedApplication app) =>
        Enum.TryParse<LogLevel>(app.Services.GetRequiredService<IConfiguration>()["Logging:LogLevel:Default"], ignoreCase: true, out var level)
        && level <= LogLevel.Debug;
}
