using PodSuite.Hosting.Kubernetes.Planning;

namespace PodSuite.Hosting.Kubernetes.Runtimes.Kubectl;

/// <summary>In a cluster, another pod is reached at its Service's DNS name.</summary>
internal sealed class ServiceAddresses : IPodAddresses
{
    public (string Host, int Port) AddressOf(ServicePortPlan service) => (service.ServiceName, service.Port);
}
