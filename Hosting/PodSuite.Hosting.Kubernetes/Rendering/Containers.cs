using Aspire.Hosting.ApplicationModel;
using k8s.Models;
using PodSuite.Hosting.Kubernetes.Planning;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>A member's container, in its role in the pod; its config files are given, not created here.</summary>
internal static class Containers
{
    /// <summary>The restart policy that makes an init container a native sidecar.</summary>
    public const string RestartAlways = "Always";

    public static V1Container Of(
        IResource member, ContainerRole role, MemberSettings settings, IReadOnlyList<ConfigFiles> configFiles,
        IReadOnlyList<V1VolumeMount> dataMounts, PortPlan ports, KubernetesPublishOptions options, bool podIsNonRoot, PublishReport report)
    {
        var probes = Probes.For(member, role, ports, report);
        List<V1VolumeMount> mounts = [.. SharedVolumes.MountsOf(member), .. configFiles.Select(f => f.Mount), .. dataMounts];
        var profile = SecurityProfiles.Of(member);
        if (profile.IsRestricted)
        {
            mounts.AddRange(ScratchDirectory.MountFor(mounts));
        }

        return new V1Container
        {
            Name = member.Name,
            Image = Images.Of(member, options, report),
            ImagePullPolicy = Images.PullPolicy,
            // A container's entrypoint replaces its image's, as Aspire's own Kubernetes publisher writes it.
            Command = member is ContainerResource { Entrypoint: { } entrypoint } ? [VariableReferences.Literal(entrypoint)] : null,
            Args = settings.Arguments.Count > 0 ? [.. settings.Arguments.Select(VariableReferences.Literal)] : null,
            Env = EnvironmentVariables.Of(member, settings),
            Ports = ContainerPorts.Of(member, ports),
            VolumeMounts = mounts.Count > 0 ? mounts : null,
            Resources = ResourceRequirements.For(ResourceRequirements.Of(member)),
            SecurityContext = SecurityDefaults.Container(profile, podIsNonRoot),
            RestartPolicy = role == ContainerRole.NativeSidecar ? RestartAlways : null,
            ReadinessProbe = probes.Readiness,
            LivenessProbe = probes.Liveness,
            StartupProbe = probes.Startup,
        };
    }

    /// <summary>The group that owns the pod's volumes, so that the member can write them: its profile's, where known.</summary>
    public static long? VolumeGroupOf(IResource member) => SecurityProfiles.Of(member).Group;
}
