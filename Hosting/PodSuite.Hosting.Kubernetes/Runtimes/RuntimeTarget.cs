using Aspire.Hosting.ApplicationModel;
using PodSuite.Hosting.Kubernetes.Planning;
using PodSuite.Hosting.Kubernetes.Runtimes.Kubectl;
using PodSuite.Hosting.Kubernetes.Runtimes.Podman;

namespace PodSuite.Hosting.Kubernetes.Runtimes;

/// <summary>
/// Where the pods run, in the three parts every runtime has, each in its own folder (<c>Runtimes/Kubectl</c>,
/// <c>Runtimes/Podman</c>): how a container reaches another pod, what the runtime does to the plain manifests, and how
/// it deploys them.
/// </summary>
/// <param name="Addresses">How a container of one pod addresses another pod.</param>
/// <param name="Manifests">What the runtime does to the plain manifests.</param>
/// <param name="Deployment">Makes the runtime's deployment for a step.</param>
internal sealed record RuntimeTarget(IPodAddresses Addresses, IManifestAdapter Manifests, Func<DeploymentContext, IPodDeployment> Deployment)
{
    /// <summary>The runtime the <see cref="PodRuntime"/> setting names.</summary>
    public static RuntimeTarget For(PodRuntime runtime) => runtime switch
    {
        PodRuntime.Podman => PodmanRuntime.Target,
        _ => KubectlRuntime.Target,
    };
}
