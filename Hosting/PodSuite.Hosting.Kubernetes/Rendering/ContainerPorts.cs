using Aspire.Hosting.ApplicationModel;
using k8s.Models;
using PodSuite.Hosting.Kubernetes.Planning;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>A member's container ports: every endpoint, at its planned port and with its name where Kubernetes allows one.</summary>
internal static class ContainerPorts
{
    public const string Protocol = "TCP";

    public static List<V1ContainerPort>? Of(IResource member, PortPlan ports)
    {
        var declared = member.Annotations.OfType<EndpointAnnotation>()
            .Select(endpoint => new V1ContainerPort
            {
                Name = ports.ContainerPortName(member, endpoint.Name),
                ContainerPort = ports.ContainerPort(member, endpoint.Name),
                Protocol = Protocol,
            })
            .ToList();
        return declared.Count > 0 ? declared : null;
    }
}
