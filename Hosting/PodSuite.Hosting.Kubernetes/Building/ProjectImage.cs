using Aspire.Hosting.ApplicationModel;
using PodSuite.Hosting.Kubernetes.Planning;
using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Building;

/// <summary>The image of one project, as the manifests name it.</summary>
/// <param name="Project">The project.</param>
/// <param name="Registry">The registry it is pushed to.</param>
/// <param name="Repository">Its repository there.</param>
/// <param name="Tag">Its tag.</param>
internal sealed record ProjectImage(ProjectResource Project, string Registry, string Repository, string Tag)
{
    public string Name => $"{Registry}/{Repository}:{Tag}";

    public static ProjectImage Of(ProjectResource project, KubernetesPublishOptions options) =>
        new(project, options.Registry.TrimEnd('/'), Images.Repository(project), Images.TagOf(project, options));

    /// <summary>The image of each project among the pods' members, one per project, in the pods' order.</summary>
    public static IEnumerable<ProjectImage> OfPods(IEnumerable<PodPlan> pods, KubernetesPublishOptions options) =>
        pods.SelectMany(p => p.Members).OfType<ProjectResource>().Distinct().Select(p => Of(p, options));
}
