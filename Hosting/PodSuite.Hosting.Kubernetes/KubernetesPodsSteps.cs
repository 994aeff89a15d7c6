#pragma warning disable ASPIREPIPELINES001 // Aspire's publishing pipeline is experimental in 13.x.
#pragma warning disable ASPIREPIPELINES004 // So is its output service.
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PodSuite.Hosting.Kubernetes.Building;
using PodSuite.Hosting.Kubernetes.Output;
using PodSuite.Hosting.Kubernetes.Planning;
using PodSuite.Hosting.Kubernetes.Runtimes;
using PodSuite.Hosting.Kubernetes.Telemetry;

namespace PodSuite.Hosting.Kubernetes;

/// <summary>
/// Every pipeline step of PodSuite's, declared here, and what the complete model gets before they run:
/// <list type="bullet">
/// <item><c>publish-kubernetes-pods</c> (part of <c>publish</c>): the manifests written to the output path;</item>
/// <item><c>build-&lt;member&gt;</c> and <c>push-&lt;member&gt;</c>, one pair per image, in place of Aspire's pair for each project
/// (<see cref="PodImageSteps"/>); <c>build-pod-images</c> (part of <c>build</c>) and <c>push-pod-images</c> (part of
/// <c>push</c>) wait for them and print the totals;</item>
/// <item><c>deploy-pods</c> (part of <c>deploy</c>): the images pushed, then the pods, naming each image by the digest pushed,
/// deployed to the runtime, waited for and listed;</item>
/// <item><c>destroy-pods</c> (part of <c>destroy</c>): what deploys of this app created, removed.</item>
/// </list>
/// Run one with <c>dotnet run --project AppHost -- --operation publish --step deploy-pods</c>, or with the Aspire CLI:
/// <c>aspire publish</c>, <c>aspire deploy</c>, <c>aspire destroy</c>, <c>aspire do build-pod-images</c>.
/// </summary>
internal static class KubernetesPodsSteps
{
    public const string Publish = "publish-kubernetes-pods";
    public const string BuildImages = "build-pod-images";
    public const string PushImages = "push-pod-images";
    public const string Deploy = "deploy-pods";
    public const string Destroy = "destroy-pods";

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The step that builds one image, named after the project it is built from.</summary>
    public static string BuildImage(IResource project) => $"build-{project.Name}";

    /// <summary>The step that pushes one image.</summary>
    public static string PushImage(IResource project) => $"push-{project.Name}";

    public static void Add(IDistributedApplicationBuilder builder, KubernetesPodsEnvironmentResource environment)
    {
        var settings = new PublishSettings(environment, builder.Configuration, builder.Environment.ApplicationName);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<PublishPlans>();
        builder.Services.TryAddSingleton<ImageProgress>();
        PodImageSteps.QuietAspiresBuildErrors(builder);

        // Once the app host's code has run: the dashboard's pod before the pods are checked, each image's steps after.
        // A setting that cannot be bound adds neither; the steps report it.
        var hooks = PodLifecycle.Register(builder);
        hooks.Completing.Add((_, _) =>
        {
            if (settings.OptionsOrNull() is { } options)
            {
                DashboardPod.Add(builder, options.Dashboard);
            }

            return Task.CompletedTask;
        });
        hooks.Validated.Add((e, _) =>
        {
            if (settings.OptionsOrNull() is { } options && e.Services.GetRequiredService<PublishPlans>().PodsOrNull() is { } pods)
            {
                PodImageSteps.Attach(pods, options);
            }

            return Task.CompletedTask;
        });

        builder.Pipeline.AddStep(Publish, context => StepRunner.RunAsync(context, "The pods were not published: see the error above.", async report =>
        {
            var (options, _, pods) = await MapAsync(context, report).ConfigureAwait(false);
            var output = context.Services.GetRequiredService<IPipelineOutputService>().GetOutputDirectory();
            ManifestOutput.Write(context.Logger, output, pods, options);
        }), dependsOn: WellKnownPipelineSteps.PublishPrereq, requiredBy: WellKnownPipelineSteps.Publish);

        builder.Pipeline.AddStep(BuildImages, context => StepRunner.RunAsync(context, "The images were not built.", _ =>
        {
            PodImageSteps.LogBuildTotal(context);
            return Task.CompletedTask;
        }), dependsOn: WellKnownPipelineSteps.BuildPrereq, requiredBy: WellKnownPipelineSteps.Build);

        builder.Pipeline.AddStep(PushImages, context => StepRunner.RunAsync(context, "The images were not pushed.", _ =>
        {
            PodImageSteps.LogPushTotal(context);
            return Task.CompletedTask;
        }), dependsOn: new[] { BuildImages, WellKnownPipelineSteps.PushPrereq }, requiredBy: WellKnownPipelineSteps.Push);

        builder.Pipeline.AddStep(Deploy, context => StepRunner.RunAsync(context, "The pods were not deployed: see the error above.", async report =>
        {
            var (options, plan, pods) = await MapAsync(context, report).ConfigureAwait(false);
            using var http = new HttpClient { Timeout = RequestTimeout };
            await PinnedImages.PinAsync(pods, PodImage.OfPods(plan.Pods, options), new ImageRegistry(http), context.Logger, context.CancellationToken).ConfigureAwait(false);
            await DeploymentOf(context, options, http).DeployAsync(pods, context.CancellationToken).ConfigureAwait(false);
        }), dependsOn: new[] { PushImages, WellKnownPipelineSteps.DeployPrereq }, requiredBy: WellKnownPipelineSteps.Deploy);

        builder.Pipeline.AddStep(Destroy, context => StepRunner.RunAsync(context, "The pods were not destroyed: see the error above.", async report =>
        {
            var (options, _, pods) = await MapAsync(context, report).ConfigureAwait(false);
            using var http = new HttpClient { Timeout = RequestTimeout };
            await DeploymentOf(context, options, http).DestroyAsync(pods, context.CancellationToken).ConfigureAwait(false);
        }), dependsOn: WellKnownPipelineSteps.DestroyPrereq, requiredBy: WellKnownPipelineSteps.Destroy);
    }

    /// <summary>
    /// The build and push steps of one image. The builds run one after another (Aspire's SDK builds do anyway), so each
    /// one's time is its own; each push runs as soon as its image is built.
    /// </summary>
    public static PipelineStep[] ImageSteps(PodImage image, PodImage? previous, KubernetesPublishOptions options)
    {
        var build = new PipelineStep
        {
            Name = BuildImage(image.Resource),
            Description = $"Builds {image.Name}, the image of {image.Resource.Name}, unless the registry holds it.",
            Action = context => PodImageSteps.RunAsync(context, options, "built", (builder, ct) => builder.BuildAsync(image, ct)),
            Tags = [WellKnownPipelineTags.BuildCompute],
            DependsOnSteps = previous is null
                ? [WellKnownPipelineSteps.BuildPrereq, WellKnownPipelineSteps.CheckContainerRuntime]
                : [WellKnownPipelineSteps.BuildPrereq, WellKnownPipelineSteps.CheckContainerRuntime, BuildImage(previous.Resource)],
            RequiredBySteps = [BuildImages],
            Resource = image.Resource,
        };
        var push = new PipelineStep
        {
            Name = PushImage(image.Resource),
            Description = $"Pushes {image.Name}, unless the registry holds it.",
            Action = context => PodImageSteps.RunAsync(context, options, "pushed", (builder, ct) => builder.PushAsync(image, ct)),
            Tags = [WellKnownPipelineTags.PushContainerImage],
            DependsOnSteps = [build.Name, WellKnownPipelineSteps.PushPrereq],
            RequiredBySteps = [PushImages],
            Resource = image.Resource,
        };
        return [build, push];
    }

    // The run's settings and plan (made once, by whichever step asks first), rendered for the runtime.
    private static async Task<(KubernetesPublishOptions Options, PublishPlan Plan, IReadOnlyList<Rendering.PodManifest> Pods)> MapAsync(
        PipelineStepContext context, PublishReport report)
    {
        var options = context.Services.GetRequiredService<PublishSettings>().Options;
        var plan = await context.Services.GetRequiredService<PublishPlans>()
            .GetAsync(report, context.ExecutionContext, context.CancellationToken).ConfigureAwait(false);
        return (options, plan, KubernetesPodMapper.Render(plan, RuntimeTarget.For(options.Runtime).Manifests, report));
    }

    private static IPodDeployment DeploymentOf(PipelineStepContext context, KubernetesPublishOptions options, HttpClient http)
    {
        var outputs = context.Services.GetRequiredService<IPipelineOutputService>();
        return RuntimeTarget.For(options.Runtime).Deployment(
            new DeploymentContext(options, context.Logger, http, outputs.GetTempDirectory));
    }
}
