#pragma warning disable ASPIREPROBES001 // Aspire's probe annotations are experimental in 13.x.
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Telemetry;

/// <summary>
/// The Aspire dashboard as a pod of the published model, written with the pod model's own API: one container, its web
/// UI on a Service of the chosen type, its OTLP port on a ClusterIP Service that the NetworkPolicy opens to the pods
/// that report to it. The browser token, the API key and the telemetry key come from a Secret (never a manifest), unless
/// unsecured.
/// Added in publish mode only, once the model is complete.
/// </summary>
internal static class DashboardPod
{
    /// <summary>The key of the login Secret that holds the browser token.</summary>
    public const string BrowserTokenKey = "browser-token";

    /// <summary>The key of the login Secret that holds the key the OTLP endpoint requires.</summary>
    public const string OtlpApiKeyKey = "otlp-api-key";

    /// <summary>
    /// The key of the login Secret that holds the same key as the OTLP exporters' header setting
    /// (<c>x-otlp-api-key=&lt;key&gt;</c>): a Secret's value cannot be composed into another variable under podman, which
    /// resolves it only when it plays the pod.
    /// </summary>
    public const string OtlpHeadersKey = "otlp-headers";

    /// <summary>The header the dashboard reads the OTLP API key from.</summary>
    public const string OtlpApiKeyHeader = "x-otlp-api-key";

    private const string ApiKeyKey = "api-key";
    private const string HealthPath = "/health";

    /// <summary>
    /// Adds the dashboard's pod to the complete model, once, as the bound settings say: at <see cref="BeforeStartEvent"/>,
    /// before the pods are checked, as the model's first pod. A resource of the app's with the name of the dashboard's pod or container is an error
    /// naming it.
    /// </summary>
    public static void Add(IDistributedApplicationBuilder builder, KubernetesPodsDashboard settings)
    {
        if (!settings.Enabled)
        {
            return;
        }

        foreach (var name in new[] { KubernetesPodsDashboard.PodName, KubernetesPodsDashboard.ContainerName })
        {
            if (builder.Resources.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)) is { } mine)
            {
                throw new DistributedApplicationException(
                    $"The app host has a resource named '{mine.Name}', which is the name of the Aspire dashboard's " +
                    $"{(name == KubernetesPodsDashboard.PodName ? "pod" : "container")} that PodSuite publishes with the pods: rename yours, " +
                    $"or publish no dashboard (WithDashboard(d => d.Enabled = false), or '{KubernetesPublishOptions.Section}:Dashboard:Enabled=false').");
            }
        }

        var pod = builder.AddPod(KubernetesPodsDashboard.PodName).PublishWithService(settings.ServiceType);
        var dashboard = builder.AddContainer(KubernetesPodsDashboard.ContainerName, settings.Image)
            .InPod(pod)
            .WithAnnotation(new DashboardAnnotation { RequiresOtlpApiKey = !settings.Unsecured })
            // Microsoft's image runs as the user "app"; the one eng/pods/setup.sh builds, as its uid.
            .WithAnnotation(new ContainerUserAnnotation(SecurityDefaults.DotNetAppUser))
            .WithHttpEndpoint(port: settings.FrontendPort, targetPort: settings.FrontendPort, name: DashboardAnnotation.FrontendEndpointName)
            .WithEndpoint(port: settings.OtlpPort, targetPort: settings.OtlpPort, name: DashboardAnnotation.OtlpEndpointName, scheme: "http")
            .WithExternalHttpEndpoints()
            .PublishEndpointAs(DashboardAnnotation.OtlpEndpointName, PodServiceType.ClusterIP)
            .WithEnvironment("ASPNETCORE_URLS", "http://0.0.0.0:" + settings.FrontendPort.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "http://0.0.0.0:" + settings.OtlpPort.ToString(CultureInfo.InvariantCulture))
            // It keeps telemetry in memory: more than the default limit, since it holds every container's.
            .PublishWithContainerResources(ContainerResources.Default with { MemoryRequest = "128Mi", MemoryLimit = "512Mi" });
        // Its health endpoint answers on the web UI's port, without a login. Readiness only: podman runs a liveness probe
        // inside the container with bash, which Microsoft's dashboard image may not have. The annotation that Aspire's
        // WithHttpProbe adds, added as it is: WithHttpProbe also registers a health check, and the app's services are
        // fixed by now.
        dashboard.WithAnnotation(new EndpointProbeAnnotation
        {
            Type = ProbeType.Readiness,
            Path = HealthPath,
            EndpointReference = dashboard.GetEndpoint(DashboardAnnotation.FrontendEndpointName),
        });
        // First in the model, so first among the pods and in the manifests, wherever the app host called AddKubernetesPods.
        foreach (var (resource, index) in new IResource[] { pod.Resource, dashboard.Resource }.Select((r, i) => (r, i)))
        {
            builder.Resources.Remove(resource);
            builder.Resources.Insert(index, resource);
        }

        if (settings.Unsecured)
        {
            dashboard.WithEnvironment("ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS", "true")
                .WithEnvironment("DASHBOARD__OTLP__AUTHMODE", "Unsecured");
            return;
        }

        // The telemetry key is required: without the Secret the container does not start, and the cluster says which Secret
        // is missing (the dashboard would otherwise stop at once, since an API key mode needs a key). The browser token and
        // the API key are optional: without them the dashboard makes up its own and logs them.
        dashboard.WithEnvironment("DASHBOARD__FRONTEND__AUTHMODE", "BrowserToken")
            .WithEnvironment("DASHBOARD__API__AUTHMODE", "ApiKey")
            .WithEnvironment("DASHBOARD__OTLP__AUTHMODE", "ApiKey")
            .WithAnnotation(new SecretEnvironmentAnnotation("DASHBOARD__OTLP__PRIMARYAPIKEY", KubernetesPodsDashboard.LoginSecretName, OtlpApiKeyKey, optional: false))
            .WithAnnotation(new SecretEnvironmentAnnotation(DashboardLogin.BrowserTokenVariable, KubernetesPodsDashboard.LoginSecretName, BrowserTokenKey, optional: true))
            .WithAnnotation(new SecretEnvironmentAnnotation("DASHBOARD__API__PRIMARYAPIKEY", KubernetesPodsDashboard.LoginSecretName, ApiKeyKey, optional: true));
    }

    /// <summary>The keys of the login Secret, each with a new random value (the OTLP headers carry the OTLP key).</summary>
    public static IReadOnlyDictionary<string, string> NewLoginSecret() => MissingLoginKeys([]);

    /// <summary>
    /// New values for the keys a login Secret with <paramref name="present"/> keys lacks. The OTLP key and its headers are
    /// one pair: when either is missing, both are made anew.
    /// </summary>
    public static IReadOnlyDictionary<string, string> MissingLoginKeys(IReadOnlyCollection<string> present)
    {
        var missing = new Dictionary<string, string>();
        foreach (var key in new[] { BrowserTokenKey, ApiKeyKey }.Where(k => !present.Contains(k)))
        {
            missing[key] = NewKey();
        }

        if (!present.Contains(OtlpApiKeyKey) || !present.Contains(OtlpHeadersKey))
        {
            var otlpKey = NewKey();
            missing[OtlpApiKeyKey] = otlpKey;
            missing[OtlpHeadersKey] = $"{OtlpApiKeyHeader}={otlpKey}";
        }

        return missing;
    }

    private static string NewKey() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
