using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace PodSuite.Hosting.Kubernetes;

/// <summary>
/// The app host's publish settings, bound once when first asked for (after the app host's code has set them) and kept,
/// or the error binding them raised, which every step that asks is given again, to report as its own.
/// </summary>
internal sealed class PublishSettings(KubernetesPodsEnvironmentResource environment, IConfiguration configuration, string applicationName)
{
    private readonly Lazy<KubernetesPublishOptions> _options = new(() => KubernetesPublishOptions.Bind(environment, configuration, applicationName));

    /// <summary>The settings; throws the binding's error, the same each time.</summary>
    public KubernetesPublishOptions Options => _options.Value;

    /// <summary>The settings, or <see langword="null"/> when they cannot be bound (a step reports why).</summary>
    public KubernetesPublishOptions? OptionsOrNull()
    {
        try
        {
            return _options.Value;
        }
        catch (Aspire.Hosting.DistributedApplicationException)
        {
            return null;
        }
    }
}
