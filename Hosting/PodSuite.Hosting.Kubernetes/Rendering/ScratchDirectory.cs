using k8s.Models;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>
/// Every container's root file system is read-only (<see cref="SecurityDefaults"/>); .NET and its programs still need a
/// writable <c>/tmp</c>, so each pod gets a small <c>emptyDir</c> mounted there in each of its members' containers.
/// </summary>
internal static class ScratchDirectory
{
    public const string VolumeName = "podsuite-tmp";
    public const string MountPath = "/tmp";
    public const string SizeLimit = "64Mi";

    public static V1Volume Volume() => new() { Name = VolumeName, EmptyDir = new V1EmptyDirVolumeSource { SizeLimit = new ResourceQuantity(SizeLimit) } };

    /// <summary>The mount of the scratch directory, unless the member mounts something of its own at <c>/tmp</c>.</summary>
    public static IEnumerable<V1VolumeMount> MountFor(IReadOnlyCollection<V1VolumeMount> mounts) =>
        mounts.Any(m => m.MountPath.TrimEnd('/') == MountPath) ? [] : [new V1VolumeMount { Name = VolumeName, MountPath = MountPath }];
}
