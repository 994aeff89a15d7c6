using Aspire.Hosting;
using PodSuite.Hosting.Kubernetes.Telemetry;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace PodSuite.Hosting.Kubernetes;

/// <summary>
/// The settings one publish runs with: the environment's (<see cref="KubernetesPodsEnvironmentResource"/>, which holds
/// the defaults), overridden by configuration under the same names (command line <c>--PodSuite:Registry=...</c>, or
/// environment variables <c>PodSuite__Registry</c>, ...).
/// </summary>
internal sealed class KubernetesPublishOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "PodSuite";

    public required string Registry { get; set; }

    public string? ImageTag { get; set; }

    public string? RuntimeDepsBaseImage { get; set; }

    public string? AspNetBaseImage { get; set; }

    public TimeSpan DeployTimeout { get; set; }

    public string? KubeContext { get; set; }

    public string? Namespace { get; set; }

    public PodServiceType DefaultServiceType { get; set; }

    public PodRuntime Runtime { get; set; }

    public string? PartOf { get; set; }

    public required string WaitImage { get; set; }

    public KubernetesPodsDashboard Dashboard { get; set; } = new();

    public static KubernetesPublishOptions From(
        KubernetesPodsEnvironmentResource environment, IConfiguration? configuration = null, string? applicationName = null)
    {
        var options = new KubernetesPublishOptions
        {
            Registry = environment.Registry,
            ImageTag = environment.ImageTag,
            RuntimeDepsBaseImage = environment.RuntimeDepsBaseImage,
            AspNetBaseImage = environment.AspNetBaseImage,
            DeployTimeout = environment.DeployTimeout,
            KubeContext = environment.KubeContext,
            Namespace = environment.Namespace,
            DefaultServiceType = environment.DefaultServiceType,
            Runtime = environment.Runtime,
            PartOf = environment.PartOf,
            WaitImage = environment.WaitImage,
            Dashboard = DashboardPod.SettingsOf(environment, configuration),
        };
        try
        {
            configuration?.GetSection(Section).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new DistributedApplicationException(
                $"A setting under '{Section}' has a value it cannot take: {ex.GetBaseException().Message} " +
                $"{nameof(Runtime)} is one of {string.Join(", ", Enum.GetNames<PodRuntime>())}; " +
                $"{nameof(DefaultServiceType)} one of {string.Join(", ", Enum.GetNames<PodServiceType>())}.", ex);
        }

        options.PartOf ??= applicationName;
        options.ImageTag = string.IsNullOrWhiteSpace(options.ImageTag) ? null : options.ImageTag;
        return options;
    }
}
