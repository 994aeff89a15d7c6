using k8s.Models;
using PodSuite.Hosting.Kubernetes.Planning;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>
/// A pod's Service ports as Services: one with a named port each, or one per port, of the pod's Service type; an
/// endpoint with a Service type of its own (an internal one's is ClusterIP) has a Service of its own.
/// </summary>
internal static class Services
{
    public static List<V1Service> Of(IEnumerable<ServicePortPlan> servicePorts, ObjectMetadata metadata, Dictionary<string, string> selector, Dictionary<string, string> labels)
    {
        return [.. servicePorts
            .GroupBy(p => p.ServiceName)
            .Select(service => new V1Service
            {
                ApiVersion = "v1",
                Kind = "Service",
                Metadata = metadata.Named(service.Key, labels),
                Spec = new V1ServiceSpec
                {
                    Type = service.First().Type.ToString(),
                    Selector = selector,
                    Ports = [.. service.Select(p => new V1ServicePort { Name = p.PortName, Port = p.Port, TargetPort = p.ContainerPort, Protocol = ContainerPorts.Protocol })],
                },
            })];
    }
}
