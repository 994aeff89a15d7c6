namespace Aspire.Hosting.Kubernetes;

/// <summary>Where the published pods will run.</summary>
public enum PodRuntime
{
    /// <summary>A Kubernetes cluster: plain manifests.</summary>
    Kubernetes,

    /// <summary>
    /// <c>podman kube play</c> (podman 4.3) on one machine, which has no Services and publishes every declared container
    /// port on the host: external endpoints are published as host ports (the Service port), internal ones not at
    /// all, another pod is reached through <c>host.containers.internal</c>, and init containers are kept until the
    /// pod goes (avoiding podman 4.3's race removing them).
    /// </summary>
    Podman,
}

/// <summary>
/// Settings of the Kubernetes pod publisher, from configuration (command line <c>--PodSuite:Registry=...</c>, or
/// environment variables <c>PodSuite__Registry</c>, ...).
/// </summary>
public sealed class KubernetesPublishOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "PodSuite";

    /// <summary>The registry of project images: images are named <c>&lt;registry&gt;/&lt;repository&gt;:&lt;tag&gt;</c>.</summary>
    public string Registry { get; set; } = "localhost:5055";

    /// <summary>The tag of project images.</summary>
    public string ImageTag { get; set; } = "latest";

    /// <summary>The value of the <c>app.kubernetes.io/part-of</c> label; by default the app host's name, lower-cased.</summary>
    public string? PartOf { get; set; }

    /// <summary>Where the pods will run; <see cref="PodRuntime.Kubernetes"/> unless publishing for podman.</summary>
    public PodRuntime Runtime { get; set; } = PodRuntime.Kubernetes;

    /// <summary>The image of the init containers that wait for another pod's Service to accept connections.</summary>
    public string WaitImage { get; set; } = "busybox:1.36";
}
