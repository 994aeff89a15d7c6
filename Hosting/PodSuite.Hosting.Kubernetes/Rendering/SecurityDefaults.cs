using Aspire.Hosting.ApplicationModel;
using k8s.Models;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>
/// Pod Security Standards "restricted", the one place every pod and container gets it: non-root, no privilege
/// escalation, all capabilities dropped, RuntimeDefault seccomp; beyond it, a read-only root file system (with a
/// writable <see cref="ScratchDirectory"/>) and no service account token. A container whose image PodSuite does not
/// know runs as its image says, without privilege escalation (<see cref="ContainerSecurityProfile.ImageDefaults"/>).
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
    /// <param name="allRestricted">
    /// Whether every container is restricted: then the pod says non-root for all; else each restricted container says it.
    /// </param>
    public static V1PodSecurityContext Pod(long? fsGroup, bool allRestricted) => new()
    {
        RunAsNonRoot = allRestricted ? true : null,
        FsGroup = fsGroup,
        SeccompProfile = new V1SeccompProfile { Type = SeccompProfile },
    };

    /// <summary>A restricted container's settings (with its user), or an image-defaults one's (no privilege escalation alone).</summary>
    /// <param name="profile">The container's profile.</param>
    /// <param name="podIsNonRoot">Whether the pod already says non-root for every container.</param>
    public static V1SecurityContext Container(ContainerSecurityProfile profile, bool podIsNonRoot = true) => profile.IsRestricted
        ? new()
        {
            AllowPrivilegeEscalation = false,
            Capabilities = new V1Capabilities { Drop = [AllCapabilities] },
            ReadOnlyRootFilesystem = true,
            RunAsUser = profile.User,
            RunAsNonRoot = podIsNonRoot ? null : true,
        }
        : new() { AllowPrivilegeEscalation = false };
}
