using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using PodSuite.Hosting.Kubernetes.Building;
using PodSuite.Hosting.Kubernetes.Planning;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>
/// The image of a member's container: a project's from the SDK container build, a container's from its Dockerfile (both
/// tagged from their content unless a tag is configured), or a container's own.
/// </summary>
internal static class Images
{
    public const string PullPolicy = "IfNotPresent";

    public static string? Of(IResource member, KubernetesPublishOptions options, PublishReport report)
    {
        switch (member)
        {
            case ProjectResource project:
                return PodImage.Of(project, options).Name;
            case ContainerResource container when container.TryGetLastAnnotation<DockerfileBuildAnnotation>(out var dockerfile):
                return PodImage.Of(container, dockerfile, options).Name;
            case ContainerResource container when container.TryGetContainerImageName(out var image):
                return image;
            default:
                report.Errors.Add($"'{member.Name}' has no container image to publish.");
                return null;
        }
    }

    /// <summary>The tag of a project's image: the one configured, or by default one from what it is built from.</summary>
    public static string TagOf(ProjectResource project, KubernetesPublishOptions options) =>
        options.ImageTag ?? ContentTag.Of(ProjectPath(project), $"{options.RuntimeDepsBaseImage}|{options.AspNetBaseImage}");

    public static string ProjectPath(ProjectResource project) => project.Annotations.OfType<IProjectMetadata>().Single().ProjectPath;

    /// <summary>The repository of a project's image: its project file name, lower-cased, as the SDK container build names it.</summary>
    public static string Repository(ProjectResource project) =>
        Path.GetFileNameWithoutExtension(ProjectPath(project)).ToLowerInvariant();
}
