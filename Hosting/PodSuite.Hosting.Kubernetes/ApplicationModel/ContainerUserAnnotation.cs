namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// The numeric user a published container runs as (<c>securityContext.runAsUser</c>), for an image whose own user is a
/// name: the pods run as non-root, and Kubernetes can verify that only of a number.
/// </summary>
/// <param name="user">The user id.</param>
internal sealed class ContainerUserAnnotation(long user) : IResourceAnnotation
{
    /// <summary>The user id.</summary>
    public long User { get; } = user;
}
