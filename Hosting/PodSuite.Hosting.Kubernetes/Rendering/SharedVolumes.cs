using Aspire.Hosting.ApplicationModel;
using k8s.Models;
using PodSuite.Hosting.Kubernetes.Planning;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>A pod's shared volumes: an <c>emptyDir</c> each, mounted in each member at its own path.</summary>
internal static class SharedVolumes
{
    /// <summary>The most a shared volume may hold before the kubelet evicts the pod: a demo's pages and databases are small.</summary>
    public const string SizeLimit = "256Mi";

    /// <summary>The volumes of the pod that at least one published member mounts, in the order the pod added them.</summary>
    public static List<V1Volume> Of(PodPlan pod) =>
        pod.Pod?.SharedVolumes
            .Where(v => pod.Members.Any(m => m.Annotations.OfType<SharedVolumeMountAnnotation>().Any(a => a.Volume == v)))
            .Select(v => new V1Volume { Name = v.Name, EmptyDir = new V1EmptyDirVolumeSource { SizeLimit = new ResourceQuantity(SizeLimit) } })
            .ToList() ?? [];

    public static IEnumerable<V1VolumeMount> MountsOf(IResource member) =>
        member.Annotations.OfType<SharedVolumeMountAnnotation>().Select(m => new V1VolumeMount { Name = m.Volume.Name, MountPath = m.MountPath });
}
