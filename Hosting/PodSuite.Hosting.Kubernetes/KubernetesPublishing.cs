#pragma warning disable ASPIREPIPELINES001 // Aspire's publishing pipeline is experimental in 13.x.
#pragma warning disable ASPIREPIPELINES004 // So is its output service.
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PodSuite.Hosting.Kubernetes.Output;
using PodSuite.Hosting.Kubernetes.Planning;

namespace PodSuite.Hosting.Kubernetes;

/// <summary>
/// The publishing pipeline step that writes the pods as Kubernetes manifests:
/// <c>dotnet run --project AppHost -- --operation publish --step publish --output-path ../manifests</c>,
/// or <c>aspire publish -o manifests</c>.
/// </summary>
internal static partial class KubernetesPublishing
{
    public const string StepName = "publish-kubernetes-pods";

    // The step's own failure line: the error itself is logged once, just before.
    private const string NotPublished = "The pods were not published: see the error above.";

    public static void AddPublishStep(IDistributedApplicationBuilder builder, KubernetesPodsEnvironmentResource environment) =>
        builder.Pipeline.AddStep(StepName, context => RunAsync(context, NotPublished, async report =>
        {
            var options = KubernetesPublishOptions.From(environment, builder.Configuration, builder.Environment.ApplicationName);
            var output = context.Services.GetRequiredService<IPipelineOutputService>().GetOutputDirectory();
            var pods = await KubernetesPodMapper.MapAsync(context.Model, options, report, context.ExecutionContext, context.CancellationToken)
                .ConfigureAwait(false);
            Write(context.Logger, output, pods, options);
        }), dependsOn: WellKnownPipelineSteps.PublishPrereq, requiredBy: WellKnownPipelineSteps.Publish);

    /// <summary>Writes the pods' manifests and says what changed.</summary>
    public static void Write(ILogger logger, string output, IReadOnlyList<Rendering.PodManifest> pods, KubernetesPublishOptions options)
    {
        var changes = ManifestWriter.Write(output, pods, options);
        foreach (var file in changes.Removed)
        {
            LogRemoved(logger, file);
        }

        LogWritten(logger, pods.Count, changes.Written.Count, options.Runtime, Path.GetFullPath(output));
    }

    /// <summary>
    /// Runs a step of PodSuite's, then logs the decisions the publisher took on its own, once. A mistake in the model or
    /// the output, or a failed command, is not a fault of Aspire's: the decisions that may explain it first, then the
    /// error once, with no stack trace, and the step marked failed (the Aspire CLI then exits non-zero, and
    /// RunWithExitCodeAsync does under dotnet run).
    /// </summary>
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {File}, which PodSuite wrote before and no longer generates")]
    private static partial void LogRemoved(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Decision}")]
    private static partial void LogDecision(ILogger logger, string decision);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Count} pods ({Files} files) as Kubernetes manifests for {Runtime} to {Output}")]
    private static partial void LogWritten(ILogger logger, int count, int files, PodRuntime runtime, string output);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not run: an earlier step failed (see its error above)")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
