using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace PodSuite.Hosting.Kubernetes;

/// <summary>
/// The settings one publish runs with: the environment's (<see cref="KubernetesPodsEnvironmentResource"/>, which holds
/// the defaults set in code), overridden by configuration under the same names (command line <c>--PodSuite:Registry=...</c>,
/// <c>--PodSuite:Dashboard:Enabled=false</c>, or environment variables <c>PodSuite__Registry</c>, ...). Made by
/// <see cref="Bind"/> alone, once per app host (<see cref="PublishSettings"/>).
/// </summary>
internal sealed partial class KubernetesPublishOptions
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

    public bool DestroyData { get; set; }

    public required string WaitImage { get; set; }

    public required KubernetesPodsDashboard Dashboard { get; init; }

    public required KubernetesPodsVolumes Volumes { get; init; }

    /// <summary>
    /// The environment's settings overridden by configuration, bound once, and checked: a value a setting cannot take,
    /// two dashboard ports alike, or a registry, tag or image reference a kubelet would refuse, is one error naming the
    /// setting.
    /// </summary>
    public static KubernetesPublishOptions Bind(
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
            DestroyData = environment.DestroyData,
            WaitImage = environment.WaitImage,
            // A copy: configuration overrides the settings of this publish, not the app model's.
            Dashboard = environment.Dashboard.Copy(),
            Volumes = environment.Volumes.Copy(),
        };
        try
        {
            configuration?.GetSection(Section).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            // The binder names the key ("... at 'PodSuite:Dashboard:Enabled' ..."); the error names its section.
            var key = s_failedKey.Match(ex.Message);
            var section = key.Success && key.Groups[1].Value.LastIndexOf(':') is > 0 and var end ? key.Groups[1].Value[..end] : Section;
            throw new DistributedApplicationException(
                $"A setting under '{section}' has a value it cannot take: {ex.GetBaseException().Message}" + (section == Section
                    ? $" {nameof(Runtime)} is one of {string.Join(", ", Enum.GetNames<PodRuntime>())}; " +
                      $"{nameof(DefaultServiceType)} one of {string.Join(", ", Enum.GetNames<PodServiceType>())}."
                    : ""), ex);
        }

        if (options.Dashboard is { Enabled: true } dashboard && dashboard.FrontendPort == dashboard.OtlpPort)
        {
            throw new DistributedApplicationException(
                $"The dashboard's FrontendPort and OtlpPort are both {dashboard.FrontendPort}: give one of them another port " +
                $"('{Section}:Dashboard:OtlpPort' or WithDashboard(d => d.OtlpPort = ...)).");
        }

        if (VolumeProblem(options.Volumes) is { } volumeProblem)
        {
            throw new DistributedApplicationException(volumeProblem);
        }

        options.PartOf ??= applicationName;
        options.ImageTag = string.IsNullOrWhiteSpace(options.ImageTag) ? null : options.ImageTag;
        if (Validation.ImageReferences.Problems(options).ToList() is { Count: > 0 } problems)
        {
            throw new DistributedApplicationException(string.Join('\n', problems));
        }

        return options;
    }

    private static string? VolumeProblem(KubernetesPodsVolumes volumes)
    {
        const string Setting = $"{Section}:{nameof(Volumes)}";
        try
        {
            if (new k8s.Models.ResourceQuantity(volumes.Size).ToDecimal() <= 0)
            {
                return $"'{Setting}:{nameof(volumes.Size)}' is '{volumes.Size}': a claim must ask for more than nothing, such as 1Gi.";
            }
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException)
        {
            return $"'{Setting}:{nameof(volumes.Size)}' is '{volumes.Size}', not a Kubernetes quantity: give one such as 1Gi or 500Mi.";
        }

        if (!KubernetesPodsVolumes.AccessModes.Contains(volumes.AccessMode))
        {
            return $"'{Setting}:{nameof(volumes.AccessMode)}' is '{volumes.AccessMode}': give one of {string.Join(", ", KubernetesPodsVolumes.AccessModes)}.";
        }

        return volumes.StorageClass is { } storageClass
            && Validation.KubernetesRules.Dns1123Subdomain.Check(storageClass, $"'{Setting}:{nameof(volumes.StorageClass)}' '{storageClass}'") is { } problem
            ? $"{problem} Give the name of a storage class of the cluster (kubectl get storageclass)."
            : null;
    }

    private static readonly Regex s_failedKey = new(" at '([^']+)'", RegexOptions.CultureInvariant);
}
