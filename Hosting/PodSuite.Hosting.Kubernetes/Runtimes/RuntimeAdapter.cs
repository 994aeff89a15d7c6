using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;
using PodSuite.Hosting.Kubernetes.Deploy;
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

    /// <summary>How the pods are deployed to the runtime: to a cluster, with kubectl.</summary>
    public virtual IPodDeployment Deployment(KubernetesPublishOptions options, HttpClient http, ILogger logger) => new KubectlDeployment(options, logger);
}
