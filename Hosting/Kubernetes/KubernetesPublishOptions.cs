namespace Aspire.Hosting.Kubernetes;

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

    /// <summary>The image of the init containers that wait for another pod's Service to accept connections.</summary>
    public string WaitImage { get; set; } = "busybox:1.36";
}
