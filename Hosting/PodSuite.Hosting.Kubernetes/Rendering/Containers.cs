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
        IReadOnlyList<V1VolumeMount> dataMounts, PortPlan ports, KubernetesPublishOptions options, PublishReport report)
    {
        var probes = Probes.For(member, role, ports, report);
        List<V1VolumeMount> mounts = [.. SharedVolumes.MountsOf(member), .. configFiles.Select(f => f.Mount), .. dataMounts];
        mounts.AddRange(ScratchDirectory.MountFor(mounts));
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
            VolumeMounts = mounts,
            Resources = ResourceRequirements.For(ResourceRequirements.Of(member)),
            SecurityContext = SecurityDefaults.Container(UserOf(member)),
            RestartPolicy = role == ContainerRole.NativeSidecar ? RestartAlways : null,
            ReadinessProbe = probes.Readiness,
            LivenessProbe = probes.Liveness,
            StartupProbe = probes.Startup,
        };
    }

    // The image's user where it is not known to be non-root by number: the SDK's .NET images run as APP_UID, the
    // database images Aspire chooses as their own users.
    private static long? UserOf(IResource member) =>
        member.TryGetLastAnnotation<ContainerUserAnnotation>(out var user) ? user.User
        : member is ProjectResource ? SecurityDefaults.DotNetAppUser
        : Integrations.DatabaseImages.Of(member)?.User;

    /// <summary>The group the pod's volumes are given to, so that the member can write them: its image's, where known.</summary>
    public static long? VolumeGroupOf(IResource member) =>
        member is ProjectResource ? SecurityDefaults.DotNetAppUser : Integrations.DatabaseImages.Of(member)?.Group;
}
