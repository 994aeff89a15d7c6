using PodSuite.Hosting.Kubernetes.Planning;

namespace PodSuite.Hosting.Kubernetes.Runtimes.Podman;

/// <summary>
/// Podman has no Services, and every pod it plays joins its kube network, whose DNS knows each pod by name: another pod
/// is reached at its pod's name and the container port, whatever its Service type. So a port that only other pods call
/// (a database's, the dashboard's OTLP port) is published on no address of the host.
/// </summary>
internal sealed class PodmanAddresses : IPodAddresses
{
    public (string Host, int Port) AddressOf(ServicePortPlan service) => (service.Pod.Name, service.ContainerPort);
}
