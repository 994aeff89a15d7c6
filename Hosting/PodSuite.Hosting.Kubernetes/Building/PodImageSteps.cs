#pragma warning disable ASPIREPIPELINES001 // Aspire's publishing pipeline is experimental in 13.x.
#pragma warning disable ASPIREPIPELINES003 // So is its container-image machinery.
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Pipelines;
using Aspire.Hosting.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PodSuite.Hosting.Kubernetes.Deploy;
using PodSuite.Hosting.Kubernetes.Planning;

namespace PodSuite.Hosting.Kubernetes.Building;

/// <summary>
/// The steps that build and push the pods' images with Aspire's own container-image machinery (the SDK container build
/// into the local container runtime, then the runtime's push):
/// <list type="bullet">
/// <item><c>build-&lt;member&gt;</c> and <c>push-&lt;member&gt;</c>, one pair per image: in place of the pair Aspire gives every
/// project, so that a project that is several members is built once, and an image whose content tag the registry holds
/// is neither built nor pushed again;</item>
/// <item><c>build-pod-images</c> (part of Aspire's <c>build</c>) and <c>push-pod-images</c> (part of <c>push</c>): each
/// waits for its images and prints the total.</item>
/// </list>
/// </summary>
internal static partial class PodImageSteps
{
    public const string BuildStep = "build-pod-images";
    public const string PushStep = "push-pod-images";

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    public static void Add(IDistributedApplicationBuilder builder, Func<KubernetesPublishOptions> options)
    {
        builder.Services.TryAddSingleton<ImageProgress>();

        // Aspire's image manager logs a failed build with its stack trace; the step's error says the same, once.
        builder.Services.AddLogging(logging => logging.AddFilter(typeof(IResourceContainerImageManager).Namespace + ".ResourceContainerImageManager", level => level < LogLevel.Error));

        // Aspire collects the pipeline's steps from the resources' annotations after BeforeStartEvent, when the pods are known.
        builder.Eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            try
            {
                Attach(e.Model, options());
            }
            catch (DistributedApplicationException)
            {
                // A setting with a value it cannot take: the steps that read the settings report it, as a step's error.
            }

            return Task.CompletedTask;
        });

        builder.Pipeline.AddStep(BuildStep, context => KubernetesPublishing.RunAsync(context, "The images were not built.", _ =>
        {
            var progress = context.Services.GetRequiredService<ImageProgress>();
            LogBuildTotal(context.Logger, progress.Built, progress.Unchanged, progress.BuildElapsed.TotalSeconds);
            return Task.CompletedTask;
        }), dependsOn: WellKnownPipelineSteps.BuildPrereq, requiredBy: WellKnownPipelineSteps.Build);

        builder.Pipeline.AddStep(PushStep, context => KubernetesPublishing.RunAsync(context, "The images were not pushed.", _ =>
        {
            var progress = context.Services.GetRequiredService<ImageProgress>();
            LogPushTotal(context.Logger, progress.Pushed, progress.Unchanged, progress.PushElapsed.TotalSeconds);
            return Task.CompletedTask;
        }), dependsOn: new[] { BuildStep, WellKnownPipelineSteps.PushPrereq }, requiredBy: WellKnownPipelineSteps.Push);
    }

    /// <summary>
    /// Gives each published project the registry and the name its image is pushed under (the name the manifests give
    /// it), and each image its own build and push steps, in place of Aspire's for those projects. A model with mistakes
    /// is left as it is: the step that maps the pods reports them.
    /// </summary>
    public static IReadOnlyList<ProjectImage> Attach(DistributedApplicationModel model, KubernetesPublishOptions options)
    {
        var report = new PublishReport();
        var pods = PodPlan.From(model, options.DefaultServiceType, report);
        if (report.Errors.Any)
        {
            return [];
        }

        var registry = new PodImageRegistry(options.Registry.TrimEnd('/'));
        var images = new List<ProjectImage>();
        foreach (var sameImage in pods.SelectMany(p => p.Members).OfType<ProjectResource>().Distinct()
            .Select(p => ProjectImage.Of(p, options)).GroupBy(i => i.Name))
        {
            foreach (var project in sameImage.Select(i => i.Project))
            {
                foreach (var aspireSteps in project.Annotations.OfType<PipelineStepAnnotation>().ToList())
                {
                    project.Annotations.Remove(aspireSteps);
                }

                var image = sameImage.First();
                project.Annotations.Add(new ContainerRegistryReferenceAnnotation(registry));
                project.Annotations.Add(new ContainerImagePushOptionsCallbackAnnotation(context =>
                {
                    context.Options.RemoteImageName = image.Repository;
                    context.Options.RemoteImageTag = image.Tag;
                }));
            }

            var first = sameImage.First();
            var previous = images.LastOrDefault();
            first.Project.Annotations.Add(new PipelineStepAnnotation(_ => StepsOf(first, previous, options)));
            images.Add(first);
        }

        return images;
    }

    // The builds run one after another (Aspire's SDK builds do anyway), so each one's time is its own; each push runs
    // as soon as its image is built.
    private static PipelineStep[] StepsOf(ProjectImage image, ProjectImage? previous, KubernetesPublishOptions options)
    {
        var build = new PipelineStep
        {
            Name = BuildStepOf(image),
            Description = $"Builds {image.Name}, the image of {image.Project.Name}, unless the registry holds it.",
            Action = context => RunAsync(context, options, "built", (builder, ct) => builder.BuildAsync(image, ct)),
            Tags = [WellKnownPipelineTags.BuildCompute],
            DependsOnSteps = previous is null
                ? [WellKnownPipelineSteps.BuildPrereq, WellKnownPipelineSteps.CheckContainerRuntime]
                : [WellKnownPipelineSteps.BuildPrereq, WellKnownPipelineSteps.CheckContainerRuntime, BuildStepOf(previous)],
            RequiredBySteps = [BuildStep],
            Resource = image.Project,
        };
        var push = new PipelineStep
        {
            Name = $"push-{image.Project.Name}",
            Description = $"Pushes {image.Name}, unless the registry holds it.",
            Action = context => RunAsync(context, options, "pushed", (builder, ct) => builder.PushAsync(image, ct)),
            Tags = [WellKnownPipelineTags.PushContainerImage],
            DependsOnSteps = [build.Name, WellKnownPipelineSteps.PushPrereq],
            RequiredBySteps = [PushStep],
            Resource = image.Project,
        };
        return [build, push];
    }

    private static string BuildStepOf(ProjectImage image) => $"build-{image.Project.Name}";

    private static Task RunAsync(PipelineStepContext context, KubernetesPublishOptions options, string what, Func<PodImageBuilder, CancellationToken, Task> step) =>
        KubernetesPublishing.RunAsync(context, $"The image was not {what}: see the error above.", async _ =>
        {
            using var http = new HttpClient { Timeout = RequestTimeout };
            var builder = new PodImageBuilder(
                options, new ImageRegistry(http), context.Services.GetRequiredService<IResourceContainerImageManager>(),
                context.Services.GetRequiredService<ImageProgress>(), context.Logger);
            await step(builder, context.CancellationToken).ConfigureAwait(false);
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "Images: {Built} built, {Unchanged} unchanged, in {Seconds:0.0} s")]
    private static partial void LogBuildTotal(ILogger logger, int built, int unchanged, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Images: {Pushed} pushed, {Unchanged} held by the registry already, in {Seconds:0.0} s")]
    private static partial void LogPushTotal(ILogger logger, int pushed, int unchanged, double seconds);
}
