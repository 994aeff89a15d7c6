using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using PodSuite.Hosting.Kubernetes.Building;
using PodSuite.Hosting.Kubernetes.Planning;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>
/// The image of a member's container: a project's from the SDK container build, a container's from its Dockerfile (both
/// tagged from their content unless a tag is configured), or a container's own.
/// </summary>
internal static partial class Images
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

    /// <summary>
    /// The repository of a project's image: its project file name, lower-cased, as the SDK container build names it, with
    /// each run of characters a repository cannot hold made one '-' (<c>My App.Web</c> is <c>my-app.web</c>). A name with
    /// nothing left gives the resource's name, which always is one.
    /// </summary>
    public static string Repository(ProjectResource project)
    {
        var name = NotRepositorySeparator().Replace(
            Path.GetFileNameWithoutExtension(ProjectPath(project)).ToLowerInvariant(),
            run => run.Value is "." or "_" or "__" || run.Value.All(c => c == '-') ? run.Value : "-");
        name = name.Trim('.', '_', '-');
        return name.Length > 0 ? name : project.Name.ToLowerInvariant();
    }

    /// <summary>A run of characters other than lower-case letters and digits: a separator in OCI's path grammar when it is <c>.</c>, <c>_</c>, <c>__</c> or hyphens.</summary>
    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotRepositorySeparator();
}
