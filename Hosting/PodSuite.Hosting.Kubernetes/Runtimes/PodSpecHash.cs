using System.Security.Cryptography;
using System.Text;
using k8s;
using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Runtimes;

/// <summary>
/// The hash of what a deploy gives the runtime for one pod, images pinned by digest included: equal hashes, equal pods.
/// A deploy records it on what it creates (podman: the pod's label; kubectl: the workload's annotation) and compares.
/// </summary>
internal static class PodSpecHash
{
    public const string Key = "podsuite.io/spec";

    /// <summary>The hash of the pod's objects, and of the version of anything else it takes when it starts, if given.</summary>
    public static string Of(PodManifest pod, string? alsoTaken = null) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(KubernetesYaml.SerializeAll(pod.Objects) + (alsoTaken is null ? "" : "\n" + alsoTaken))))[..16];
}
