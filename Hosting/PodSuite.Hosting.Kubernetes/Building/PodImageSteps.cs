#pragma warning disable ASPIREPIPELINES001 // Aspire's publishing pipeline is experimental in 13.x.
#pragma warning disable ASPIREPIPELINES003 // So is its container-image machinery.
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Pipelines;
using Aspire.Hosting.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PodSuite.Hosting.Kubernetes.Planning;

namespace PodSuite.Hosting.Kubernetes.Building;

/// <summary>
/// What the image steps (declared in <see cref="KubernetesPodsSteps"/>) do with Aspire's own container-image machinery
/// (the SDK container build into the local container runtime, then the runtime's push): one build and one push step per
/// image, in place of the pair Aspire gives every project, so that a project that is several members is built once,
/// and an image whose content tag the registry holds is neither built nor pushed again.
/// </summary>
internal static partial class PodImageSteps
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Aspire's image manager logs a failed build with its stack trace; the step's error says the same, once.</summary>
    public static void QuietAspiresBuildErrors(IDistributedApplicationBuilder builder) =>
        builder.Services.AddLogging(logging => logging.AddFilter(
            typeof(IResourceContainerImageManager).Namespace + ".ResourceContainerImageManager", level => level < LogLevel.Error));

    /// <summary>
    /// Gives each published project, and each container built from a Dockerfile, the registry and the name its image is
    /// pushed under (the name the manifests give it), and each image its own build and push steps, in place of Aspire's
    /// for those resources. Aspire collects the
    /// pipeline's steps from the resources' annotations after <see cref="BeforeStartEvent"/>, when the pods are known.
    /// </summary>
    public static IReadOnlyList<PodImage> Attach(IReadOnlyList<PodPlan> pods, KubernetesPublishOptions options)
    {
        var registry = new PodImageRegistry(options.Registry.TrimEnd('/'));
        var images = new List<PodImage>();
        foreach (var sameImage in PodImage.OfPods(pods, options).GroupBy(i => i.Name))
        {
            foreach (var resource in sameImage.Select(i => i.Resource))
            {
                foreach (var aspireSteps in resource.Annotations.OfType<PipelineStepAnnotation>().ToList())
                {
                    resource.Annotations.Remove(aspireSteps);
                }

                var image = sameImage.First();
                resource.Annotations.Add(new ContainerRegistryReferenceAnnotation(registry));
                resource.Annotations.Add(new ContainerImagePushOptionsCallbackAnnotation(context =>
                {
                    context.Options.RemoteImageName = image.Repository;
                    context.Options.RemoteImageTag = image.Tag;
                }));
            }

            var first = sameImage.First();
            var previous = images.LastOrDefault();
            first.Resource.Annotations.Add(new PipelineStepAnnotation(_ => KubernetesPodsSteps.ImageSteps(first, previous, options)));
            images.Add(first);
        }

        return images;
    }

    /// <summary>Builds or pushes one image, as one of PodSuite's steps.</summary>
    public static Task RunAsync(PipelineStepContext context, KubernetesPublishOptions options, string what, Func<PodImageBuilder, CancellationToken, Task> step) =>
        StepRunner.RunAsync(context, $"The image was not {what}: see the error above.", async _ =>
        {
            using var http = new HttpClient { Timeout = RequestTimeout };
            var builder = new PodImageBuilder(
                options, new ImageRegistry(http), context.Services.GetRequiredService<IResourceContainerImageManager>(),
                context.Services.GetRequiredService<ImageProgress>(), context.Logger);
            await step(builder, context.CancellationToken).ConfigureAwait(false);
        });

    public static void LogBuildTotal(PipelineStepContext context)
    {
        var progress = context.Services.GetRequiredService<ImageProgress>();
        LogBuildTotal(context.Logger, progress.Built, progress.Unchanged, progress.BuildElapsed.TotalSeconds);
    }

    public static void LogPushTotal(PipelineStepContext context)
    {
        var progress = context.Services.GetRequiredService<ImageProgress>();
        LogPushTotal(context.Logger, progress.Pushed, progress.Unchanged, progress.PushElapsed.TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Images: {Built} built, {Unchanged} unchanged, in {Seconds:0.0} s")]
    private static partial void LogBuildTotal(ILogger logger, int built, int unchanged, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Images: {Pushed} pushed, {Unchanged} held by the registry already, in {Seconds:0.0} s")]
    private static partial void LogPushTotal(ILogger logger, int pushed, int unchanged, double seconds);
}
