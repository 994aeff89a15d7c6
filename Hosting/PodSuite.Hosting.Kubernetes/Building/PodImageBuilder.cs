#pragma warning disable ASPIREPIPELINES003 // Aspire's container-image machinery is experimental in 13.x.
#pragma warning disable ASPIREDOCKERFILEBUILDER001 // So is the base image annotation its SDK container build reads.
using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Publishing;
using Microsoft.Extensions.Logging;
using PodSuite.Hosting.Kubernetes.Runtimes;
using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Building;

/// <summary>
/// Builds and pushes one image through Aspire's <see cref="IResourceContainerImageManager"/>: the .NET SDK container
/// build of a project, or the container runtime's build of a Dockerfile, into the local container runtime, then the
/// runtime's push under the image's remote name. An
/// image whose content tag the registry already holds, built on the base image its name gives today, is neither built
/// nor pushed.
/// </summary>
internal sealed partial class PodImageBuilder(
    KubernetesPublishOptions options, ImageRegistry registry, IResourceContainerImageManager images, ImageProgress progress, ILogger logger)
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromMinutes(2);

    public async Task BuildAsync(PodImage image, CancellationToken cancellationToken)
    {
        progress.BuildStarted();
        if (await IsCurrentAsync(image, logBaseChange: true, cancellationToken).ConfigureAwait(false))
        {
            progress.ImageUnchanged();
            LogUnchanged(logger, image.Name);
            return;
        }

        var started = Stopwatch.StartNew();
        var baseImage = await BaseImageAsync(image, cancellationToken).ConfigureAwait(false);
        try
        {
            await images.BuildImageAsync(image.Resource, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DistributedApplicationException($"The image of '{image.Resource.Name}', {image.Name}, was not built: {Describe(ex)}", ex);
        }

        progress.ImageBuilt();
        LogBuilt(logger, image.Name, baseImage ?? (image.Project is null ? "its Dockerfile's base image" : "the SDK's default base image"), started.Elapsed.TotalSeconds);
    }

    public async Task PushAsync(PodImage image, CancellationToken cancellationToken)
    {
        progress.PushStarted();
        if (await IsCurrentAsync(image, logBaseChange: false, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var started = Stopwatch.StartNew();
        try
        {
            await images.PushImageAsync(image.Resource, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DistributedApplicationException($"The image of '{image.Resource.Name}', {image.Name}, was not pushed: {Describe(ex)}", ex);
        }

        progress.ImagePushed();
        LogPushed(logger, image.Name, started.Elapsed.TotalSeconds);
    }

    // A configured tag (latest, a version) may name an older image: only a content tag proves the sources current. The
    // tag hashes the base image's name, not its digest (the same sources give the same tag on every machine), so the
    // base digest the SDK recorded in the image's labels must still be the one its name gives.
    private async Task<bool> IsCurrentAsync(PodImage image, bool logBaseChange, CancellationToken cancellationToken)
    {
        if (options.ImageTag is not null
            || await registry.LabelsAsync(image.Registry, image.Repository, image.Tag, cancellationToken).ConfigureAwait(false) is not { } labels)
        {
            return false;
        }

        // A Dockerfile names its own base: its content tag, held by the registry, is all there is to check.
        if (image.Project is null || await registry.IsBaseCurrentAsync(labels, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        if (logBaseChange)
        {
            LogBaseChanged(logger, image.Name, labels.GetValueOrDefault(ImageRegistry.BaseNameLabel) ?? "(not recorded)");
        }

        return false;
    }

    // Native AOT projects need no .NET runtime in the image: runtime-deps; the rest aspnet. Aspire's SDK build reads the
    // base image from the project's DockerfileBaseImageAnnotation; one the user set is kept.
    private async Task<string?> BaseImageAsync(PodImage image, CancellationToken cancellationToken)
    {
        if (image.Project is not { } project)
        {
            return null;
        }

        if (project.TryGetLastAnnotation<DockerfileBaseImageAnnotation>(out var set))
        {
            return set.RuntimeImage;
        }

        if (options.RuntimeDepsBaseImage is null && options.AspNetBaseImage is null)
        {
            return null;
        }

        var publishAot = await ExternalCommand.Of("dotnet", "msbuild", Images.ProjectPath(project), "-getProperty:PublishAot")
            .RunCheckedAsync(QueryTimeout, cancellationToken).ConfigureAwait(false);
        var baseImage = publishAot.Trim() == "true" ? options.RuntimeDepsBaseImage : options.AspNetBaseImage;
        if (baseImage is not null)
        {
            project.Annotations.Add(new DockerfileBaseImageAnnotation { RuntimeImage = baseImage });
        }

        return baseImage;
    }

    // Aspire's message, then the process's output: its first line and the output's MSBuild errors, not the whole log.
    private static string Describe(Exception ex)
    {
        var lines = ex.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var errors = lines.Skip(1).Select(ErrorOf).OfType<string>().Distinct().TakeLast(5);
        return string.Join(Environment.NewLine, lines.Take(1).Concat(errors));
    }

    // "path(1,2): error CS0103: The name ... [project]" gives "error CS0103: The name ..."; a stack trace's lines give nothing.
    private static string? ErrorOf(string line)
    {
        var start = line.IndexOf(": error ", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var error = line[(start + 2)..];
        var text = error[(error.IndexOf(':') + 1)..].TrimStart();
        if (text.StartsWith("at ", StringComparison.Ordinal) || text.StartsWith("---", StringComparison.Ordinal))
        {
            return null;
        }

        var project = error.LastIndexOf(" [", StringComparison.Ordinal);
        return project > 0 ? error[..project] : error;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Image}: the registry holds it already (same sources), not rebuilt")]
    private static partial void LogUnchanged(ILogger logger, string image);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Image}: the registry holds it, but its base image {BaseImage} is not the one it was built on (or cannot be read): rebuilt")]
    private static partial void LogBaseChanged(ILogger logger, string image, string baseImage);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Image}: built on {BaseImage} in {Seconds:0.0} s")]
    private static partial void LogBuilt(ILogger logger, string image, string baseImage, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Image}: pushed in {Seconds:0.0} s")]
    private static partial void LogPushed(ILogger logger, string image, double seconds);
}
