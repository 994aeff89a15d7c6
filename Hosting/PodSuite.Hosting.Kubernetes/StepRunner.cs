#pragma warning disable ASPIREPIPELINES001 // Aspire's publishing pipeline is experimental in 13.x.
using Aspire.Hosting;
using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PodSuite.Hosting.Kubernetes.Planning;

namespace PodSuite.Hosting.Kubernetes;

/// <summary>
/// Runs a step of PodSuite's, then logs the decisions the publisher took on its own, once. A mistake in the model or
/// the output, or a failed command, is not a fault of Aspire's: the decisions that may explain it first, then the
/// error once, with no stack trace, and the step marked failed (the Aspire CLI then exits non-zero, and
/// RunWithExitCodeAsync does under dotnet run).
/// </summary>
internal static partial class StepRunner
{
    public static async Task RunAsync(PipelineStepContext context, string failure, Func<PublishReport, Task> step)
    {
        // A failed step does not throw (that would print its stack trace), so Aspire would go on to the steps that
        // depend on it: none of PodSuite's runs after one has failed, so nothing is pushed or deployed half-built.
        var failures = context.Services.GetRequiredService<AppHostFailures>();
        if (failures.Any)
        {
            LogSkipped(context.Logger);
            await context.ReportingStep.FailAsync("Not run: an earlier step failed.", context.CancellationToken).ConfigureAwait(false);
            return;
        }

        var report = new PublishReport();
        try
        {
            await step(report).ConfigureAwait(false);
            LogDecisions(context.Logger, report);
        }
        catch (DistributedApplicationException ex)
        {
            LogDecisions(context.Logger, report);
            LogFailed(context.Logger, ex.Message);
            failures.MarkFailed();
            await context.ReportingStep.FailAsync(failure, context.CancellationToken).ConfigureAwait(false);
        }
    }

    private static void LogDecisions(ILogger logger, PublishReport report)
    {
        foreach (var warning in report.Warnings)
        {
            LogDecision(logger, warning);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Decision}")]
    private static partial void LogDecision(ILogger logger, string decision);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not run: an earlier step failed (see its error above)")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
