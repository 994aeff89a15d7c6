namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Where the app model's pods are published to: each pod becomes one multi-container Kubernetes pod, written as a
/// kustomize base by the publishing pipeline. Added with <c>AddKubernetesPods</c>; the settings here are defaults
/// that configuration (<c>--PodSuite:Registry=...</c>, <c>PodSuite__Registry</c>, ...) overrides at publish time.
/// </summary>
/// <param name="name">The name of the environment.</param>
public sealed class KubernetesPodsEnvironmentResource(string name) : Resource(name)
{
    /// <summary>The registry of project images: images are named <c>&lt;registry&gt;/&lt;repository&gt;:&lt;tag&gt;</c>.</summary>
    public string Registry { get; set; } = "localhost:5055";

    /// <summary>
    /// The tag of project images. By default (<see langword="null"/>) each image is tagged from what it is built from,
    /// <c>src-&lt;hash&gt;</c>: immutable, so a deploy always runs what it built and an unchanged project is not rebuilt.
    /// Set it (<c>latest</c>, a version) to tag every image alike.
    /// </summary>
    public string? ImageTag { get; set; }

    /// <summary>
    /// The base image of Native AOT projects (sidecars, init steps); <see langword="null"/> leaves the SDK's choice,
    /// Microsoft's <c>runtime-deps</c> image.
    /// </summary>
    public string? RuntimeDepsBaseImage { get; set; }

    /// <summary>
    /// The base image of the other projects (servers); <see langword="null"/> leaves the SDK's choice, Microsoft's
    /// <c>aspnet</c> image.
    /// </summary>
    public string? AspNetBaseImage { get; set; }

    /// <summary>How long a deploy waits for every pod to be ready before it fails.</summary>
    public TimeSpan DeployTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The kube context a Kubernetes deploy uses; <see langword="null"/> for kubectl's current context.</summary>
    public string? KubeContext { get; set; }

    /// <summary>The namespace of every object; <see langword="null"/> leaves it to <c>kubectl</c> (or an overlay).</summary>
    public string? Namespace { get; set; }

    /// <summary>The type of the Services of pods that do not choose one with <c>PublishWithService</c>.</summary>
    public PodServiceType DefaultServiceType { get; set; } = PodServiceType.ClusterIP;

    /// <summary>Where the pods will run: plain Kubernetes unless a runtime needs the manifests adapted.</summary>
    public PodRuntime Runtime { get; set; } = PodRuntime.Kubernetes;

    /// <summary>The value of the <c>app.kubernetes.io/part-of</c> label; by default the app host's name, lower-cased.</summary>
    public string? PartOf { get; set; }

    /// <summary>
    /// Whether destroy removes the app's data too: its volumes' claims, and its Secret of parameter values (the passwords
    /// generated for its databases among them). Off by default: they belong together.
    /// </summary>
    public bool DestroyData { get; set; }

    /// <summary>The image of the init containers that wait for another pod's Service to accept connections.</summary>
    public string WaitImage { get; set; } = "busybox:1.36";

    /// <summary>The Aspire dashboard published with the pods, which every container reports to; on by default.</summary>
    public KubernetesPodsDashboard Dashboard { get; } = new();

    /// <summary>How named volumes are published: a PersistentVolumeClaim each by default.</summary>
    public KubernetesPodsVolumes Volumes { get; } = new();
}
