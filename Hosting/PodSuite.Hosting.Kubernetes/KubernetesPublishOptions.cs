using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace PodSuite.Hosting.Kubernetes;

/// <summary>
/// The settings one publish runs with: the environment's, overridden by configuration (command line
/// <c>--PodSuite:Registry=...</c>, or environment variables <c>PodSuite__Registry</c>, ...).
/// </summary>
internal sealed class KubernetesPublishOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "PodSuite";

    public string Registry { get; set; } = "localhost:5055";

    public string ImageTag { get; set; } = "latest";

    public string? Namespace { get; set; }

    public PodServiceType ServiceType { get; set; } = PodServiceType.ClusterIP;

    public PodRuntime Runtime { get; set; } = PodRuntime.Kubernetes;

    public string? PartOf { get; set; }

    public string WaitImage { get; set; } = "busybox:1.36";

    public static KubernetesPublishOptions From(KubernetesPodsEnvironmentResource environment, IConfiguration configuration, string applicationName)
    {
        var options = new KubernetesPublishOptions
        {
            Registry = environment.Registry,
            ImageTag = environment.ImageTag,
            Namespace = environment.Namespace,
            ServiceType = environment.DefaultServiceType,
            Runtime = environment.Runtime,
            PartOf = environment.PartOf,
            WaitImage = environment.WaitImage,
        };
        configuration.GetSection(Section).Bind(options);
        options.PartOf ??= applicationName;
        return options;
    }
}
