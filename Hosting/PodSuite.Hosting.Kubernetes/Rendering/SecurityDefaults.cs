using k8s.Models;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>
/// Pod Security Standards "restricted", the one place every pod and container gets it: non-root, no privilege
/// escalation, all capabilities dropped, RuntimeDefault seccomp; beyond it, a read-only root file system (with a
/// writable <see cref="ScratchDirectory"/>) and no service account token.
/// </summary>
internal static class SecurityDefaults
{
    /// <summary>The user of the .NET container images the SDK builds (APP_UID), stated so runAsNonRoot can be verified.</summary>
    public const long DotNetAppUser = 1654;

    /// <summary>The unprivileged user of the busybox image that waits for another pod's Service.</summary>
    public const long NobodyUser = 65534;

    /// <summary>No pod gets a service account token unless it asks for one.</summary>
    public const bool MountServiceAccountToken = false;

    private const string SeccompProfile = "RuntimeDefault";
    private const string AllCapabilities = "ALL";

    /// <param name="fsGroup">The group given the pod's volumes, where a member must write them.</param>
    public static V1PodSecurityContext Pod(long? fsGroup = null) => new()
    {
        RunAsNonRoot = true,
        FsGroup = fsGroup,
        SeccompProfile = new V1SeccompProfile { Type = SeccompProfile },
    };

    /// <param name="runAsUser">The user, where the image's own is not known to be non-root by number.</param>
    public static V1SecurityContext Container(long? runAsUser) => new()
    {
        AllowPrivilegeEscalation = false,
        Capabilities = new V1Capabilities { Drop = [AllCapabilities] },
        ReadOnlyRootFilesystem = true,
        RunAsUser = runAsUser,
    };
}
