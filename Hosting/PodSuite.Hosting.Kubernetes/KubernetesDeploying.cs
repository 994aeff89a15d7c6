#pragma warning disable ASPIREPIPELINES001 // Aspire's publishing pipeline is experimental in 13.x.
#pragma warning disable ASPIREPIPELINES004 // So is its output service.
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using PodSuite.Hosting.Kubernetes.Building;
using PodSuite.Hosting.Kubernetes.Runtimes;

namespace PodSuite.Hosting.Kubernetes;

/// <summary>
/// The pipeline steps that ship the pods, beside the one that writes their manifests:
/// <list type="bullet">
/// <item><c>build-pod-images</c> and <c>push-pod-images</c>: each image built, then pushed (<see cref="PodImageSteps"/>);</item>
/// <item><c>deploy-pods</c>: the images pushed, then the pods deployed to the runtime, waited for and listed (part of <c>deploy</c>);</item>
/// <item><c>destroy-pods</c>: what deploys of this app created, removed (part of <c>destroy</c>).</item>
/// </list>
/// Run one with <c>dotnet run --project AppHost -- --operation publish --step deploy-pods</c>, or with the Aspire CLI:
/// <c>aspire deploy</c>, <c>aspire destroy</c>, <c>aspire do build-pod-images</c>.
/// </summary>
internal static class KubernetesDeploying
{
    public const string DeployStep = "deploy-pods";
    public const string DestroyStep = "destroy-pods";

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    public static void AddSteps(IDistributedApplicationBuilder builder, KubernetesPodsEnvironmentResource environment)
    {
        KubernetesPublishOptions Options() => KubernetesPublishOptions.From(environment, builder.Configuration, builder.Environment.ApplicationName);

        PodImageSteps.Add(builder, Options);

        builder.Pipeline.AddStep(DeployStep, context => KubernetesPublishing.RunAsync(context, "The pods were not deployed: see the error above.", async report =>
        {
            var options = Options();
            var pods = await KubernetesPodMapper.MapAsync(context.Model, options, report, context.ExecutionContext, context.CancellationToken).ConfigureAwait(false);
            var outputs = context.Services.GetRequiredService<IPipelineOutputService>();
            using var http = new HttpClient { Timeout = RequestTimeout };
            await RuntimeAdapter.For(options.Runtime).Deployment(options, http, context.Logger)
                .DeployAsync(pods, outputs.GetOutputDirectory(), outputs.GetTempDirectory(), context.CancellationToken).ConfigureAwait(false);
        }), dependsOn: new[] { PodImageSteps.PushStep, WellKnownPipelineSteps.DeployPrereq }, requiredBy: WellKnownPipelineSteps.Deploy);

        builder.Pipeline.AddStep(DestroyStep, context => KubernetesPublishing.RunAsync(context, "The pods were not destroyed: see the error above.", async report =>
        {
            var options = Options();
            var pods = await KubernetesPodMapper.MapAsync(context.Model, options, report, context.ExecutionContext, context.CancellationToken).ConfigureAwait(false);
            using var http = new HttpClient { Timeout = RequestTimeout };
            await RuntimeAdapter.For(options.Runtime).Deployment(options, http, context.Logger).DestroyAsync(pods, context.CancellationToken).ConfigureAwait(false);
        }), dependsOn: WellKnownPipelineSteps.DestroyPrereq, requiredBy: WellKnownPipelineSteps.Destroy);
    }
}
