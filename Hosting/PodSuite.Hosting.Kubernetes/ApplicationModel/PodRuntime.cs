namespace Aspire.Hosting.ApplicationModel;

/// <summary>Where the published pods will run: plain Kubernetes, or a runtime that needs it adapted.</summary>
public enum PodRuntime
{
    /// <summary>A Kubernetes cluster: plain manifests.</summary>
    Kubernetes,

    /// <summary>
    /// <c>podman kube play</c> (podman 4.3) on one machine, which has no Services and publishes every declared
    /// container port on the host. The plain manifests are rewritten for it (see <c>Runtimes/Podman/</c>).
    /// </summary>
    Podman,
}
