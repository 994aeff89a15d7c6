using PodSuite.Hosting.Kubernetes.Planning;
using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Runtimes;

/// <summary>
/// What a runtime does to the plain Kubernetes objects of a pod: nothing for a cluster; a runtime that lacks something
/// (Services, a restart policy) rewrites them, so that no other code needs to know about it.
/// </summary>
internal interface IManifestAdapter
{
    /// <param name="pod">The pod's plain objects.</param>
    /// <param name="report">Where the adapter says what it could not carry.</param>
    PodManifest Adapt(PodManifest pod, PublishReport report);
}
