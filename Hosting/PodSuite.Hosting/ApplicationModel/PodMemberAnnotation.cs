namespace Aspire.Hosting.ApplicationModel;

/// <summary>Marks a compute resource as a member of a <see cref="PodResource"/>.</summary>
/// <param name="pod">The pod the resource belongs to.</param>
public sealed class PodMemberAnnotation(PodResource pod) : IResourceAnnotation
{
    /// <summary>The pod the resource belongs to.</summary>
    public PodResource Pod { get; } = pod;
}
