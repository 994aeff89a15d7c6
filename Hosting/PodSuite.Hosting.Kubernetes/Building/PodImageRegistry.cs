using Aspire.Hosting.ApplicationModel;

namespace PodSuite.Hosting.Kubernetes.Building;

/// <summary>
/// The registry the pods' images are pushed to, as Aspire's push names it: the configured <c>Registry</c> (a host, or a
/// host and a path such as <c>ghcr.io/you</c>). It is not a resource of the app model: nothing runs for it.
/// </summary>
internal sealed class PodImageRegistry(string registry) : IContainerRegistry
{
    public ReferenceExpression Name { get; } = ReferenceExpression.Create($"{registry}");

    public ReferenceExpression Endpoint { get; } = ReferenceExpression.Create($"{registry}");

    public ReferenceExpression? Repository => null;
}
