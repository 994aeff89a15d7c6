using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using PodSuite.Hosting.Kubernetes.Planning;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>The image of a member's container: a project's from the SDK container build, a container's own.</summary>
internal static class Images
{
    public const string PullPolicy = "IfNotPresent";

    public static string? Of(IResource member, KubernetesPublishOptions options, PublishReport report)
    {
        switch (member)
        {
            case ProjectResource project:
                return $"{options.Registry.TrimEnd('/')}/{Repository(project)}:{options.ImageTag}";
            case ContainerResource container when container.TryGetContainerImageName(out var image):
                return image;
            default:
                report.Errors.Add($"'{member.Name}' has no container image to publish.");
                return null;
        }
    }

    /// <summary>The repository of a project's image: its project file name, lower-cased, as the SDK container build names it.</summary>
    public static string Repository(ProjectResource project) =>
        Path.GetFileNameWithoutExtension(project.Annotations.OfType<IProjectMetadata>().Single().ProjectPath).ToLowerInvariant();
}
