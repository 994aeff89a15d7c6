using Aspire.Hosting.ApplicationModel;
using k8s.Models;
using PodSuite.Hosting.Kubernetes.Planning;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>
/// A member's config files: one ConfigMap per directory they are mounted in, mounted as that directory (not every
/// runtime supports <c>subPath</c>, and a directory mount also sees the ConfigMap's updates).
/// </summary>
/// <param name="ConfigMap">The files' contents.</param>
/// <param name="Volume">The pod's volume of the ConfigMap.</param>
/// <param name="Mount">The member's read-only mount of that volume.</param>
internal sealed record ConfigFiles(V1ConfigMap ConfigMap, V1Volume Volume, V1VolumeMount Mount)
{
    public static List<ConfigFiles> Of(IResource member, PodPlan pod, ObjectMetadata metadata) =>
        [.. member.Annotations.OfType<ConfigFileAnnotation>()
            .GroupBy(f => f.MountDirectory.TrimEnd('/'))
            .Select(directory =>
            {
                var name = $"{member.Name}-{KubernetesNames.Slug(directory.Key)}";
                var configMap = new V1ConfigMap
                {
                    ApiVersion = "v1",
                    Kind = "ConfigMap",
                    Metadata = metadata.Named(name, new Dictionary<string, string> { [ObjectMetadata.NameLabel] = pod.Name }),
                    Data = directory.ToDictionary(f => f.FileName, f => File.ReadAllText(f.SourcePath)),
                };
                return new ConfigFiles(
                    configMap,
                    new V1Volume { Name = name, ConfigMap = new V1ConfigMapVolumeSource { Name = name } },
                    new V1VolumeMount { Name = name, MountPath = directory.Key, ReadOnlyProperty = true });
            })];
}
