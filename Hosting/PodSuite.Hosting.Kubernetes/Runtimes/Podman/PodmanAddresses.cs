using PodSuite.Hosting.Kubernetes.Planning;

namespace PodSuite.Hosting.Kubernetes.Runtimes.Podman;

/// <summary>
/// Podman has no Services: another pod's external port is published on the host, which a container reaches by the name
/// podman gives it.
/// </summary>
internal sealed class PodmanAddresses : IPodAddresses
{
    public const string HostFromContainers = "host.containers.internal";

    public string HostOf(ServicePortPlan service) => HostFromContainers;
}
