using k8s.Models;
using PodSuite.Hosting.Kubernetes.Planning;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>
/// What may connect to a pod: only the container ports its Services expose, from anywhere; nothing else, from other pods
/// either. So the web app's own port and an internal admin port stay inside their pod, as the model says. A pod with
/// no Service admits no connection at all.
/// </summary>
internal static class NetworkPolicies
{
    private const string Ingress = "Ingress";

    public static V1NetworkPolicy Of(PodPlan pod, PortPlan ports, ObjectMetadata metadata, Dictionary<string, string> selector, Dictionary<string, string> labels)
    {
        var exposed = ports.ServicePortsOf(pod).Select(p => p.ContainerPort).Distinct().Order().ToList();
        return new V1NetworkPolicy
        {
            ApiVersion = "networking.k8s.io/v1",
            Kind = "NetworkPolicy",
            Metadata = metadata.Named(pod.Name, labels),
            Spec = new V1NetworkPolicySpec
            {
                PodSelector = new V1LabelSelector { MatchLabels = selector },
                PolicyTypes = [Ingress],
                Ingress = exposed.Count == 0
                    ? null
                    : [new V1NetworkPolicyIngressRule { Ports = [.. exposed.Select(p => new V1NetworkPolicyPort { Port = p, Protocol = ContainerPorts.Protocol })] }],
            },
        };
    }
}
