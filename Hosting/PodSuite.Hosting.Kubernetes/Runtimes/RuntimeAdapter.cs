using Aspire.Hosting.ApplicationModel;
using PodSuite.Hosting.Kubernetes.Planning;
using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Runtimes;

/// <summary>
/// Plain Kubernetes objects in, objects the target runtime runs out. For a Kubernetes cluster nothing changes; a runtime
/// that lacks something (Services, a restart policy) gets an adapter of its own that rewrites the plain output, so no
/// other code needs to know about it.
/// </summary>
internal class RuntimeAdapter : IPodAddresses
{
    public static RuntimeAdapter For(PodRuntime runtime) => runtime switch
    {
        PodRuntime.Podman => new PodmanAdapter(),
        _ => new RuntimeAdapter(),
    };

    /// <summary>Another pod is reached at its Service's DNS name.</summary>
    public virtual string HostOf(ServicePortPlan service) => service.ServiceName;

    public virtual PodManifest Adapt(PodManifest pod) => pod;
}
