using Aspire.Hosting.ApplicationModel;
using PodSuite.Hosting.Kubernetes.Planning;
using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Building;

/// <summary>
/// An image PodSuite builds and pushes, as the manifests name it: a project's (the SDK container build), or a
/// container's built from its Dockerfile (<c>AddDockerfile</c>, <c>WithDockerfile</c>).
/// </summary>
/// <param name="Resource">The project or the container.</param>
/// <param name="Registry">The registry it is pushed to.</param>
/// <param name="Repository">Its repository there.</param>
/// <param name="Tag">Its tag.</param>
internal sealed record PodImage(IResource Resource, string Registry, string Repository, string Tag)
{
    public string Name => $"{Registry}/{Repository}:{Tag}";

    /// <summary>The project, when the image is a project's.</summary>
    public ProjectResource? Project => Resource as ProjectResource;

    public static PodImage Of(ProjectResource project, KubernetesPublishOptions options) =>
        new(project, options.Registry.TrimEnd('/'), Images.Repository(project), Images.TagOf(project, options));

    /// <summary>The image of a container built from its Dockerfile: named after the container, tagged from its build context.</summary>
    public static PodImage Of(ContainerResource container, DockerfileBuildAnnotation dockerfile, KubernetesPublishOptions options) =>
        new(container, options.Registry.TrimEnd('/'), container.Name.ToLowerInvariant(),
            options.ImageTag ?? ContentTag.OfBuildContext(dockerfile.ContextPath, dockerfile.DockerfilePath));

    /// <summary>The image PodSuite builds for a member, or null when it runs an image as it is named.</summary>
    public static PodImage? Of(IResource member, KubernetesPublishOptions options) => member switch
    {
        ProjectResource project => Of(project, options),
        ContainerResource container when container.TryGetLastAnnotation<DockerfileBuildAnnotation>(out var dockerfile) => Of(container, dockerfile, options),
        _ => null,
    };

    /// <summary>The image of each member PodSuite builds, one per resource, in the pods' order.</summary>
    public static IEnumerable<PodImage> OfPods(IEnumerable<PodPlan> pods, KubernetesPublishOptions options) =>
        pods.SelectMany(p => p.Members).Distinct().Select(m => Of(m, options)).OfType<PodImage>();
}
