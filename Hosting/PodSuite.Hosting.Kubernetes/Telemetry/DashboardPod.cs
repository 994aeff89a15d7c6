using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Telemetry;

/// <summary>
/// The Aspire dashboard as a pod of the published model, written with the pod model's own API: one container, its web
/// UI on a Service of the chosen type, its OTLP port on a ClusterIP Service that the NetworkPolicy opens to the pods
/// that report to it. The browser token and the API key come from a Secret (never a manifest), unless unsecured.
/// Added in publish mode only, and made again whenever its settings change.
/// </summary>
internal static class DashboardPod
{
    /// <summary>The key of the login Secret that holds the browser token.</summary>
    public const string BrowserTokenKey = "browser-token";

    private const string ApiKeyKey = "api-key";

    public static void Apply(IDistributedApplicationBuilder builder, KubernetesPodsEnvironmentResource environment)
    {
        // Only what an earlier call added: a resource of the user's that has the dashboard's name makes Aspire's
        // duplicate-name error below, instead of disappearing.
        foreach (var earlier in environment.DashboardResources)
        {
            builder.Resources.Remove(earlier);
        }

        environment.DashboardResources.Clear();

        KubernetesPodsDashboard settings;
        try
        {
            settings = SettingsOf(environment, builder.Configuration);
        }
        catch (DistributedApplicationException)
        {
            // A setting with a value it cannot take: the model is built as the code says, and the publishing steps, which
            // read the settings again, report it once and exit non-zero.
            settings = SettingsOf(environment, configuration: null);
        }

        if (!settings.Enabled)
        {
            return;
        }

        var pod = builder.AddPod(KubernetesPodsDashboard.PodName).PublishWithService(settings.ServiceType);
        var dashboard = builder.AddContainer(KubernetesPodsDashboard.ContainerName, settings.Image)
            .InPod(pod)
            .WithAnnotation(new DashboardAnnotation())
            // Microsoft's image runs as the user "app"; the one eng/pods/setup.sh builds, as its uid.
            .WithAnnotation(new ContainerUserAnnotation(SecurityDefaults.DotNetAppUser))
            .WithHttpEndpoint(port: settings.FrontendPort, targetPort: settings.FrontendPort, name: DashboardAnnotation.FrontendEndpointName)
            .WithEndpoint(port: settings.OtlpPort, targetPort: settings.OtlpPort, name: DashboardAnnotation.OtlpEndpointName, scheme: "http")
            .WithExternalHttpEndpoints()
            .PublishEndpointAs(DashboardAnnotation.OtlpEndpointName, PodServiceType.ClusterIP)
            .WithEnvironment("ASPNETCORE_URLS", "http://0.0.0.0:" + settings.FrontendPort.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "http://0.0.0.0:" + settings.OtlpPort.ToString(CultureInfo.InvariantCulture))
            // Only the app's pods reach the OTLP port (its NetworkPolicy admits them alone), and they hold no key.
            .WithEnvironment("DASHBOARD__OTLP__AUTHMODE", "Unsecured")
            // It keeps telemetry in memory: more than the default limit, since it holds every container's.
            .PublishWithContainerResources(ContainerResources.Default with { MemoryRequest = "128Mi", MemoryLimit = "512Mi" });
        environment.DashboardResources.AddRange([pod.Resource, dashboard.Resource]);
        if (settings.Unsecured)
        {
            dashboard.WithEnvironment("ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS", "true");
            return;
        }

        dashboard.WithEnvironment("DASHBOARD__FRONTEND__AUTHMODE", "BrowserToken")
            .WithEnvironment("DASHBOARD__API__AUTHMODE", "ApiKey")
            .WithAnnotation(new SecretEnvironmentAnnotation(DashboardLogin.BrowserTokenVariable, KubernetesPodsDashboard.LoginSecretName, BrowserTokenKey, optional: true))
            .WithAnnotation(new SecretEnvironmentAnnotation("DASHBOARD__API__PRIMARYAPIKEY", KubernetesPodsDashboard.LoginSecretName, ApiKeyKey, optional: true));
    }

    /// <summary>The settings in code, overridden by configuration (<c>PodSuite:Dashboard:...</c>).</summary>
    public static KubernetesPodsDashboard SettingsOf(KubernetesPodsEnvironmentResource environment, IConfiguration? configuration)
    {
        var code = environment.Dashboard;
        var settings = new KubernetesPodsDashboard
        {
            Enabled = code.Enabled,
            Image = code.Image,
            FrontendPort = code.FrontendPort,
            OtlpPort = code.OtlpPort,
            ServiceType = code.ServiceType,
            Unsecured = code.Unsecured,
        };
        try
        {
            configuration?.GetSection($"{KubernetesPublishOptions.Section}:Dashboard").Bind(settings);
        }
        catch (InvalidOperationException ex)
        {
            throw new DistributedApplicationException(
                $"A setting under '{KubernetesPublishOptions.Section}:Dashboard' has a value it cannot take: {ex.GetBaseException().Message}", ex);
        }

        if (settings.Enabled && settings.FrontendPort == settings.OtlpPort)
        {
            throw new DistributedApplicationException(
                $"The dashboard's FrontendPort and OtlpPort are both {settings.FrontendPort}: give one of them another port " +
                $"('{KubernetesPublishOptions.Section}:Dashboard:OtlpPort' or WithDashboard(d => d.OtlpPort = ...)).");
        }

        return settings;
    }

    /// <summary>The keys of the login Secret, with a new random value each.</summary>
    public static IReadOnlyDictionary<string, string> NewLoginSecret() => new Dictionary<string, string>
    {
        [BrowserTokenKey] = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
        [ApiKeyKey] = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
    };
}
