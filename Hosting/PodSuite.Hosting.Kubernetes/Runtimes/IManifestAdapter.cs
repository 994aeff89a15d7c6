using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Runtimes;

/// <summary>
/// What a runtime does to the plain Kubernetes objects of a pod: nothing for a cluster; a runtime that lacks something
/// (Services, a restart policy) rewrites them, so that no other code needs to know about it.
/// </summary>
internal interface IManifestAdapter
{
    PodManifest Adapt(PodManifest pod);
}
