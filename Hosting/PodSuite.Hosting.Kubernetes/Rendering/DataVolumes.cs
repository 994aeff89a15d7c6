using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using k8s.Models;
using PodSuite.Hosting.Kubernetes.Planning;
using PodSuite.Hosting.Kubernetes.Validation;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>
/// A member's volumes as Aspire's model has them (<c>WithVolume</c>, <c>WithDataVolume</c>). A named volume is data
/// that outlives its container, so it becomes a PersistentVolumeClaim of that name (Aspire's own publisher makes it an
/// emptyDir, which loses it with the pod), of the size, access mode and storage class the settings give
/// (<see cref="KubernetesPodsVolumes"/>, which may also ask for emptyDirs), labelled as data so destroy keeps it
/// (<see cref="ObjectMetadata.DataLabel"/>). An anonymous volume
/// lives as long as its container: an emptyDir, with a warning. Bind mounts are <see cref="BindMounts"/>' to carry or refuse.
/// </summary>
internal static class DataVolumes
{
    /// <summary>A member's volume in its pod, its mount, and the claim it is made from (none for an emptyDir).</summary>
    public sealed record Volume(V1Volume PodVolume, V1VolumeMount Mount, V1PersistentVolumeClaim? Claim);

    public static List<Volume> Of(
        IResource member, KubernetesPodsVolumes settings, ObjectMetadata metadata, Dictionary<string, string> podLabels, PublishReport report)
    {
        var volumes = new List<Volume>();
        foreach (var mount in member.Annotations.OfType<ContainerMountAnnotation>())
        {
            if (mount.Type == ContainerMountType.BindMount)
            {
                // Carried as a ConfigMap, or refused, by BindMounts.
                continue;
            }

            if (mount.Source is not { Length: > 0 } source)
            {
                var name = KubernetesRules.Slug($"{member.Name}-{mount.Target}");
                report.Warnings.Add(
                    $"'{member.Name}' has an anonymous volume at '{mount.Target}': it is an emptyDir, lost when the pod is replaced. " +
                    "Name it (WithVolume(\"name\", target)) to keep its data in a PersistentVolumeClaim.");
                volumes.Add(new Volume(
                    new V1Volume { Name = name, EmptyDir = new V1EmptyDirVolumeSource() },
                    new V1VolumeMount { Name = name, MountPath = mount.Target, ReadOnlyProperty = mount.IsReadOnly ? true : null },
                    null));
                continue;
            }

            var claim = ClaimName(source);
            if (KubernetesRules.Dns1123Label.Check(claim, $"Volume name '{claim}', of '{member.Name}' at '{mount.Target}' and also its claim's name,") is { } problem)
            {
                report.Errors.Add($"{problem} Give the volume a shorter name (WithVolume(\"name\", target)).");
                continue;
            }

            if (!settings.Persistent)
            {
                volumes.Add(new Volume(
                    new V1Volume { Name = claim, EmptyDir = new V1EmptyDirVolumeSource() },
                    new V1VolumeMount { Name = claim, MountPath = mount.Target, ReadOnlyProperty = mount.IsReadOnly ? true : null },
                    null));
                continue;
            }

            volumes.Add(new Volume(
                new V1Volume { Name = claim, PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = claim } },
                new V1VolumeMount { Name = claim, MountPath = mount.Target, ReadOnlyProperty = mount.IsReadOnly ? true : null },
                new V1PersistentVolumeClaim
                {
                    ApiVersion = "v1",
                    Kind = "PersistentVolumeClaim",
                    Metadata = metadata.Named(claim, new Dictionary<string, string>(podLabels) { [ObjectMetadata.DataLabel] = "true" }),
                    Spec = new V1PersistentVolumeClaimSpec
                    {
                        AccessModes = [settings.AccessMode],
                        StorageClassName = settings.StorageClass,
                        Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new(settings.Size) } },
                    },
                }));
        }

        return volumes;
    }

    /// <summary>
    /// The claim of a named volume: its name, as a Kubernetes name, without the hash Aspire puts in the names it makes
    /// (<c>WithDataVolume()</c>: <c>&lt;app&gt;-&lt;hash&gt;-&lt;resource&gt;-data</c>). That hash comes from the app host's
    /// path on the machine that publishes: with it, a clone elsewhere would claim new, empty storage.
    /// </summary>
    public static string ClaimName(string volume) => KubernetesRules.Slug(s_generatedName.Replace(volume, "${app}-${rest}"));

    private static readonly Regex s_generatedName = new("^(?<app>.+?)-[0-9a-f]{10}-(?<rest>.+)$", RegexOptions.CultureInvariant);
}
