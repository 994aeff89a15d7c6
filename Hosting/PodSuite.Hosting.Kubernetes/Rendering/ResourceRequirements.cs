using Aspire.Hosting.ApplicationModel;
using k8s.Models;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>The CPU and memory requests and limits of every container, the one place they are built.</summary>
internal static class ResourceRequirements
{
    /// <summary>What the init container that waits for another pod's Service needs: a shell loop around <c>nc</c>.</summary>
    public static readonly ContainerResources ServiceWait = new(CpuRequest: "10m", MemoryRequest: "16Mi", CpuLimit: "100m", MemoryLimit: "32Mi");

    /// <summary>A member's own (<c>PublishWithContainerResources</c>), else <see cref="ContainerResources.Default"/>.</summary>
    public static ContainerResources Of(IResource member) =>
        member.Annotations.OfType<ContainerResourcesAnnotation>().LastOrDefault()?.Resources ?? ContainerResources.Default;

    public static V1ResourceRequirements For(ContainerResources resources) => new()
    {
        Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new(resources.CpuRequest), ["memory"] = new(resources.MemoryRequest) },
        Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new(resources.CpuLimit), ["memory"] = new(resources.MemoryLimit) },
    };
}
