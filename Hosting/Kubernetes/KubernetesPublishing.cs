#pragma warning disable ASPIREPIPELINES001 // Aspire's publishing pipeline is experimental in 13.x.
#pragma warning disable ASPIREPIPELINES004 // So is its output service.
using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.Kubernetes;

/// <summary>
/// The publishing pipeline step that writes the pods as Kubernetes manifests:
/// <c>dotnet run --project AppHost -- --operation publish --step publish --output-path ../manifests</c>,
/// or <c>aspire publish -o manifests</c>.
/// </summary>
internal static class KubernetesPublishing
{
    public const string StepName = "publish-kubernetes-pods";

    public static void AddPublishStep(IDistributedApplicationBuilder builder)
    {
        builder.Pipeline.AddStep(StepName, async context =>
        {
            var options = new KubernetesPublishOptions();
            builder.Configuration.GetSection(KubernetesPublishOptions.Section).Bind(options);
            options.PartOf ??= builder.Environment.ApplicationName;

            var output = context.Services.GetRequiredService<IPipelineOutputService>().GetOutputDirectory();
            var pods = await KubernetesPodMapper.MapAsync(context.Model, options, context.CancellationToken).ConfigureAwait(false);
            ManifestWriter.Write(output, pods, options);
            context.Logger.LogInformation("Wrote {Count} pods as Kubernetes manifests to {Output}", pods.Count, Path.GetFullPath(output));
        }, dependsOn: WellKnownPipelineSteps.PublishPrereq, requiredBy: WellKnownPipelineSteps.Publish);
    }
}
