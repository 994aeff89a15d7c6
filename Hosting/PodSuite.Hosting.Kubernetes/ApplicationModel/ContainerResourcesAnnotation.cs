namespace Aspire.Hosting.ApplicationModel;

/// <summary>The CPU and memory a published container asks for and may use at most.</summary>
/// <param name="CpuRequest">The CPU the scheduler reserves, such as <c>50m</c>.</param>
/// <param name="MemoryRequest">The memory the scheduler reserves, such as <c>64Mi</c>.</param>
/// <param name="CpuLimit">The most CPU the container may use.</param>
/// <param name="MemoryLimit">The most memory the container may use before it is killed.</param>
public sealed record ContainerResources(string CpuRequest, string MemoryRequest, string CpuLimit, string MemoryLimit)
{
    /// <summary>What a container gets unless the model says otherwise: small, so a demo pod fits a laptop cluster.</summary>
    public static ContainerResources Default { get; } = new("50m", "64Mi", "500m", "256Mi");
}

/// <summary>Overrides <see cref="ContainerResources.Default"/> for one published container.</summary>
/// <param name="resources">The requests and limits.</param>
public sealed class ContainerResourcesAnnotation(ContainerResources resources) : IResourceAnnotation
{
    /// <summary>The requests and limits.</summary>
    public ContainerResources Resources { get; } = resources;
}
