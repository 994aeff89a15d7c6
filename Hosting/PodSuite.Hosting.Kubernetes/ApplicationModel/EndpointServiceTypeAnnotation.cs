namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// The Service type of one external endpoint of a member, in place of its pod's: an admin port kept on a ClusterIP
/// Service while the pod's other ports are on a NodePort, say. Such an endpoint gets a Service of its own.
/// </summary>
/// <param name="endpointName">The endpoint's name.</param>
/// <param name="type">Its Service type.</param>
public sealed class EndpointServiceTypeAnnotation(string endpointName, PodServiceType type) : IResourceAnnotation
{
    /// <summary>The endpoint's name.</summary>
    public string EndpointName { get; } = endpointName;

    /// <summary>Its Service type.</summary>
    public PodServiceType Type { get; } = type;
}
