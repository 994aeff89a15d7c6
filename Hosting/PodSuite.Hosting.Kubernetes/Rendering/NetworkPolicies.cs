using Aspire.Hosting.ApplicationModel;
using k8s.Models;
using PodSuite.Hosting.Kubernetes.Planning;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>
/// What may connect to a pod: the container ports of its NodePort and LoadBalancer Services, from anywhere; those of its
/// ClusterIP Services, only from the pods that refer to them or wait for them; nothing else, from other pods either. So
/// the web app's own port stays inside its pod, and an admin port on a ClusterIP Service that no pod calls is reached
/// with <c>kubectl port-forward</c> alone. A pod with no Service admits no connection at all.
/// </summary>
internal static class NetworkPolicies
{
    private const string Ingress = "Ingress";

    public static V1NetworkPolicy Of(PodPlan pod, IEnumerable<ServicePortPlan> rendered, Callers callers, ObjectMetadata metadata, Dictionary<string, string> labels)
    {
        var servicePorts = rendered.ToList();
        var open = servicePorts.Where(p => p.Type != PodServiceType.ClusterIP).Select(p => p.ContainerPort).Distinct().Order().ToList();
        var rules = new List<V1NetworkPolicyIngressRule>();
        if (open.Count > 0)
        {
            rules.Add(new V1NetworkPolicyIngressRule { Ports = [.. open.Select(Port)] });
        }

        foreach (var service in servicePorts.Where(p => p.Type == PodServiceType.ClusterIP && !open.Contains(p.ContainerPort)))
        {
            if (callers.Of(service) is { Count: > 0 } from)
            {
                rules.Add(new V1NetworkPolicyIngressRule
                {
                    FromProperty = [.. from.Select(caller => new V1NetworkPolicyPeer { PodSelector = new V1LabelSelector { MatchLabels = metadata.SelectorOf(caller) } })],
                    Ports = [Port(service.ContainerPort)],
                });
            }
        }

        return new V1NetworkPolicy
        {
            ApiVersion = "networking.k8s.io/v1",
            Kind = "NetworkPolicy",
            Metadata = metadata.Named(pod.Name, labels),
            Spec = new V1NetworkPolicySpec
            {
                PodSelector = new V1LabelSelector { MatchLabels = metadata.SelectorOf(pod) },
                PolicyTypes = [Ingress],
                Ingress = rules.Count > 0 ? rules : null,
            },
        };
    }

    private static V1NetworkPolicyPort Port(int containerPort) => new() { Port = containerPort, Protocol = ContainerPorts.Protocol };
}
