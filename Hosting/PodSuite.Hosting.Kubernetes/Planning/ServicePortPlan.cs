using Aspire.Hosting.ApplicationModel;

namespace PodSuite.Hosting.Kubernetes.Planning;

/// <summary>
/// An endpoint as a port of a Service: an external one always, an internal one (<paramref name="Internal"/>, ClusterIP)
/// only while a resource of another pod refers to it or waits for it.
/// </summary>
/// <param name="Pod">The pod whose Service it is.</param>
/// <param name="Member">The member that listens.</param>
/// <param name="Endpoint">The member's endpoint.</param>
/// <param name="ServiceName">The Service's name.</param>
/// <param name="Type">The Service's type.</param>
/// <param name="PortName">The port's name on the Service.</param>
/// <param name="Port">The port other pods connect to.</param>
/// <param name="ContainerPort">The port the member listens on inside the pod.</param>
/// <param name="Order">The port's place among the pod's Service ports.</param>
/// <param name="Internal">Whether the endpoint is internal: its Service is rendered only for the pods that call it.</param>
internal sealed record ServicePortPlan(
    PodPlan Pod, IResource Member, EndpointAnnotation Endpoint, string ServiceName, PodServiceType Type, string PortName, int Port, int ContainerPort, int Order,
    bool Internal = false);
