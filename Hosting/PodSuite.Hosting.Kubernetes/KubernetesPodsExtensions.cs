using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PodSuite.Hosting;
using PodSuite.Hosting.Kubernetes;

namespace Aspire.Hosting;

/// <summary>Extension methods that opt an app host into publishing its pods as multi-container Kubernetes pods.</summary>
public static class KubernetesPodsExtensions
{
    /// <summary>
    /// Publishes the app model's pods to Kubernetes: the publishing pipeline (<c>aspire publish</c>, or
    /// <c>dotnet run -- --operation publish --step publish</c>) writes each pod as ONE multi-container Kubernetes pod,
    /// as a kustomize base. Without this call the pods only run locally and nothing is published.
    /// </summary>
    /// <param name="builder">The app host builder.</param>
    /// <param name="name">The name of the environment.</param>
    /// <returns>A builder for the environment, whose settings <see cref="WithProperties"/> changes.</returns>
    /// <example>
    /// <code>
    /// builder.AddKubernetesPods("kubernetes")
    ///     .WithProperties(k =&gt; k.Registry = "ghcr.io/you");
    /// </code>
    /// </example>
    public static IResourceBuilder<KubernetesPodsEnvironmentResource> AddKubernetesPods(
        this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        if (builder.Services.Select(s => s.ImplementationInstance).OfType<KubernetesPodsEnvironmentResource>().FirstOrDefault() is { } existing)
        {
            throw new DistributedApplicationException(
                $"The app host already publishes its pods to Kubernetes through '{existing.Name}'; " +
                $"call {nameof(AddKubernetesPods)} once, and set its properties with {nameof(WithProperties)}.");
        }

        var environment = new KubernetesPodsEnvironmentResource(name);
        builder.Services.AddSingleton(environment);
        if (builder.ExecutionContext.IsRunMode)
        {
            // Nothing is published in a local run: the environment is not shown, and no step is added.
            return builder.CreateResourceBuilder(environment);
        }

        builder.Services.TryAddSingleton<AppHostFailures>();
        if (!PodSuite.Hosting.Kubernetes.Planning.ParameterValues.CanAsk())
        {
            // No one can answer Aspire's question for a missing parameter here (no Aspire CLI, or CI): it would wait
            // forever. With interaction off it records the missing value at once, and what needs it fails naming it.
            builder.Configuration[PodSuite.Hosting.Kubernetes.Planning.ParameterValues.InteractivityEnabled] = "false";
        }

        KubernetesPodsSteps.Add(builder, environment);
        return builder.AddResource(environment).ExcludeFromManifest();
    }

    /// <summary>
    /// Sets how the Aspire dashboard is published with the pods: on or off, its image, ports, Service type, and whether
    /// it asks for a login. Configuration (<c>--PodSuite:Dashboard:Enabled=false</c>, ...) still overrides it.
    /// </summary>
    /// <param name="builder">The environment.</param>
    /// <param name="configure">Sets the dashboard's settings.</param>
    /// <returns>The environment's builder, for chaining.</returns>
    /// <example>
    /// <code>
    /// builder.AddKubernetesPods("kubernetes").WithDashboard(d =&gt; d.ServiceType = PodServiceType.NodePort);
    /// </code>
    /// </example>
    public static IResourceBuilder<KubernetesPodsEnvironmentResource> WithDashboard(
        this IResourceBuilder<KubernetesPodsEnvironmentResource> builder, Action<KubernetesPodsDashboard> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        configure(builder.Resource.Dashboard);
        return builder;
    }

    /// <summary>Sets the environment's defaults in code: registry, image tag, namespace, default Service type, runtime.</summary>
    /// <param name="builder">The environment.</param>
    /// <param name="configure">Sets the properties; configuration (<c>--PodSuite:...</c>) still overrides them.</param>
    /// <returns>The environment's builder, for chaining.</returns>
    public static IResourceBuilder<KubernetesPodsEnvironmentResource> WithProperties(
        this IResourceBuilder<KubernetesPodsEnvironmentResource> builder, Action<KubernetesPodsEnvironmentResource> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        configure(builder.Resource);
        return builder;
    }
}
