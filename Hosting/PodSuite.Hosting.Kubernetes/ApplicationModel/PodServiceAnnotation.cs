namespace Aspire.Hosting.ApplicationModel;

/// <summary>The kind of Kubernetes Service that exposes a pod's external endpoints.</summary>
public enum PodServiceType
{
    /// <summary>Reachable inside the cluster only.</summary>
    ClusterIP,

    /// <summary>Also reachable on a port of every node.</summary>
    NodePort,

    /// <summary>Also reachable through the cloud provider's load balancer.</summary>
    LoadBalancer,
}

/// <summary>How a pod's external endpoints are grouped into Services.</summary>
public enum PodServicePorts
{
    /// <summary>One Service named after the pod, with a named port per external endpoint.</summary>
    OneService,

    /// <summary>One Service per external endpoint, named <c>&lt;pod&gt;-&lt;port name&gt;</c>.</summary>
    ServicePerPort,
}

/// <summary>How a published pod's external endpoints become Kubernetes Services.</summary>
/// <param name="type">The Service type.</param>
/// <param name="ports">One Service with several ports, or one Service per port.</param>
public sealed class PodServiceAnnotation(PodServiceType type, PodServicePorts ports) : IResourceAnnotation
{
    /// <summary>The Service type.</summary>
    public PodServiceType Type { get; } = type;

    /// <summary>One Service with several ports, or one Service per port.</summary>
    public PodServicePorts Ports { get; } = ports;
}
