using Aspire.Hosting.ApplicationModel;
using k8s.Models;
using PodSuite.Hosting.Kubernetes.Validation;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>
/// The directories a restricted container writes (<see cref="SecurityProfiles"/>), on a root file system that is
/// read-only: an emptyDir each, unless something of the model's (a volume, config files) is mounted there.
/// </summary>
internal static class WritableDirectories
{
    public static IEnumerable<DataVolumes.Volume> Of(IResource member, IEnumerable<string> mounted)
    {
        var taken = mounted.Select(m => m.TrimEnd('/')).ToHashSet(StringComparer.Ordinal);
        foreach (var directory in SecurityProfiles.Of(member).WritableDirectories)
        {
            if (taken.Contains(directory))
            {
                continue;
            }

            var name = KubernetesRules.Slug($"{member.Name}-{directory}");
            yield return new DataVolumes.Volume(
                new V1Volume { Name = name, EmptyDir = new V1EmptyDirVolumeSource() },
                new V1VolumeMount { Name = name, MountPath = directory },
                null);
        }
    }
}
