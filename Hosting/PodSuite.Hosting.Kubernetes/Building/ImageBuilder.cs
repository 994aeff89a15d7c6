using System.Diagnostics;
using Aspire.Hosting;
using Microsoft.Extensions.Logging;
using PodSuite.Hosting.Kubernetes.Deploy;
using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Building;

/// <summary>
/// Builds each project's image with the .NET SDK container build (<c>dotnet publish -t:PublishContainer</c>: no
/// Dockerfile, no container daemon), which pushes it straight to the registry, so building and pushing are one step.
/// An image whose immutable tag the registry already holds is not built again.
/// </summary>
internal sealed partial class ImageBuilder(KubernetesPublishOptions options, ImageRegistry registry, ILogger logger)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromMinutes(2);

    public async Task BuildAsync(IReadOnlyList<ProjectImage> images, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var built = 0;
        foreach (var image in images)
        {
            // A configured tag (latest, a version) may name an older image: only a content tag proves the image current.
            if (options.ImageTag is null && await registry.HoldsAsync(image.Registry, image.Repository, image.Tag, cancellationToken).ConfigureAwait(false))
            {
                LogUnchanged(logger, image.Name);
                continue;
            }

            var started = Stopwatch.StartNew();
            var baseImage = await BaseImageAsync(image, cancellationToken).ConfigureAwait(false);
            try
            {
                await PublishContainer(image, baseImage).RunCheckedAsync(BuildTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (DistributedApplicationException ex)
            {
                throw new DistributedApplicationException($"The image of '{image.Project.Name}', {image.Name}, was not built and pushed: {ex.Message}", ex);
            }

            built++;
            LogBuilt(logger, image.Name, baseImage ?? "the SDK's default base image", started.Elapsed.TotalSeconds);
        }

        LogTotal(logger, built, images.Count - built, total.Elapsed.TotalSeconds);
    }

    /// <summary>The SDK container build of one image, pushed to its registry.</summary>
    public static ExternalCommand PublishContainer(ProjectImage image, string? baseImage)
    {
        List<string> arguments =
        [
            "publish", Images.ProjectPath(image.Project), "-c", "Release", "-t:PublishContainer", "-nologo", "-v", "quiet",
            $"-p:ContainerRegistry={image.Registry}", $"-p:ContainerRepository={image.Repository}", $"-p:ContainerImageTag={image.Tag}",
        ];
        if (baseImage is not null)
        {
            arguments.Add($"-p:ContainerBaseImage={baseImage}");
        }

        return new ExternalCommand("dotnet", arguments);
    }

    // Native AOT projects need no .NET runtime in the image: runtime-deps; the rest aspnet. Asked of MSBuild only when a
    // base image is configured, and only for an image that is built.
    private async Task<string?> BaseImageAsync(ProjectImage image, CancellationToken cancellationToken)
    {
        if (options.RuntimeDepsBaseImage is null && options.AspNetBaseImage is null)
        {
            return null;
        }

        var publishAot = await ExternalCommand.Of("dotnet", "msbuild", Images.ProjectPath(image.Project), "-getProperty:PublishAot")
            .RunCheckedAsync(QueryTimeout, cancellationToken).ConfigureAwait(false);
        return publishAot.Trim() == "true" ? options.RuntimeDepsBaseImage : options.AspNetBaseImage;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Image}: the registry holds it already (same sources), not rebuilt")]
    private static partial void LogUnchanged(ILogger logger, string image);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Image}: built on {BaseImage} and pushed in {Seconds:0.0} s")]
    private static partial void LogBuilt(ILogger logger, string image, string baseImage, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Images: {Built} built, {Unchanged} unchanged, in {Seconds:0.0} s")]
    private static partial void LogTotal(ILogger logger, int built, int unchanged, double seconds);
}
