using Aspire.Hosting.ApplicationModel;
using PodSuite.Hosting.Kubernetes.Validation;

namespace Aspire.Hosting;

/// <summary>Extension methods that change only how pods and their members are published to Kubernetes.</summary>
public static class PodPublishingExtensions
{
    /// <summary>
    /// Chooses the Service that exposes the pod's external endpoints when published: its type, and whether all ports
    /// share one Service or each gets its own. Without it: one Service of the environment's default type
    /// (<see cref="KubernetesPodsEnvironmentResource.DefaultServiceType"/>).
    /// </summary>
    /// <param name="pod">The pod.</param>
    /// <param name="type">The Service type.</param>
    /// <param name="ports">One Service with a named port per external endpoint, or one Service per port.</param>
    /// <returns>The pod builder, for chaining.</returns>
    public static IResourceBuilder<PodResource> PublishWithService(
        this IResourceBuilder<PodResource> pod, PodServiceType type, PodServicePorts ports = PodServicePorts.OneService)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.WithAnnotation(new PodServiceAnnotation(type, ports), ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>
    /// Chooses the Service type of one external endpoint of the member, in place of its pod's
    /// (<see cref="PublishWithService"/>). The endpoint gets a Service of its own, named <c>&lt;pod&gt;-&lt;port name&gt;</c>.
    /// A <see cref="PodServiceType.ClusterIP"/> endpoint is admitted by the pod's NetworkPolicy only from the pods that
    /// refer to it or wait for it; with none, it is reached with <c>kubectl port-forward</c> alone: right for an admin port.
    /// </summary>
    /// <typeparam name="T">The type of the resource.</typeparam>
    /// <param name="builder">The member.</param>
    /// <param name="endpointName">The name of one of its external endpoints.</param>
    /// <param name="type">The endpoint's Service type.</param>
    /// <returns>The resource builder, for chaining.</returns>
    public static IResourceBuilder<T> PublishEndpointAs<T>(this IResourceBuilder<T> builder, string endpointName, PodServiceType type)
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(endpointName);
        foreach (var earlier in builder.Resource.Annotations.OfType<EndpointServiceTypeAnnotation>().Where(a => a.EndpointName == endpointName).ToList())
        {
            builder.Resource.Annotations.Remove(earlier);
        }

        return builder.WithAnnotation(new EndpointServiceTypeAnnotation(endpointName, type));
    }

    /// <summary>
    /// Sets the port an endpoint listens on inside the pod when the app model is published, leaving the local run's
    /// port to Aspire: locally members are processes on one host, where a fixed port would clash with whatever else
    /// runs there.
    /// </summary>
    /// <typeparam name="T">The type of the resource.</typeparam>
    /// <param name="builder">The member that owns the endpoint.</param>
    /// <param name="port">The container port, unique within the pod.</param>
    /// <param name="endpointName">The name of an endpoint the member already has.</param>
    /// <returns>The resource builder, for chaining.</returns>
    public static IResourceBuilder<T> PublishWithContainerPort<T>(this IResourceBuilder<T> builder, int port, string endpointName = "http")
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);

        var endpoint = builder.Resource.Annotations.OfType<EndpointAnnotation>().SingleOrDefault(e => e.Name == endpointName)
            ?? throw new DistributedApplicationException(
                $"'{builder.Resource.Name}' has no endpoint named '{endpointName}'. Add it (for example " +
                $"{nameof(ResourceBuilderExtensions.WithHttpEndpoint)}) before {nameof(PublishWithContainerPort)}, or name an endpoint it has.");
        if (builder.ApplicationBuilder.ExecutionContext.IsPublishMode)
        {
            endpoint.TargetPort = port;
        }

        return builder;
    }

    /// <summary>
    /// Publishes a pod whose members all run to completion as a Job rather than a bare Pod with
    /// <c>restartPolicy: Never</c>: Kubernetes retries a failed run <paramref name="backoffLimit"/> times and deletes a
    /// finished one after <paramref name="ttlSecondsAfterFinished"/>. Runtimes without Jobs get the bare Pod.
    /// </summary>
    /// <param name="pod">The pod.</param>
    /// <param name="backoffLimit">How many times a failed run is retried; 0 for none.</param>
    /// <param name="ttlSecondsAfterFinished">How long a finished Job and its pod are kept, in seconds.</param>
    /// <returns>The pod builder, for chaining.</returns>
    public static IResourceBuilder<PodResource> PublishAsJob(
        this IResourceBuilder<PodResource> pod, int backoffLimit = 0, int ttlSecondsAfterFinished = 3600)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentOutOfRangeException.ThrowIfNegative(backoffLimit);
        ArgumentOutOfRangeException.ThrowIfNegative(ttlSecondsAfterFinished);
        return pod.WithAnnotation(new PodJobAnnotation(backoffLimit, ttlSecondsAfterFinished), ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>
    /// Gives the member's published container a liveness probe that runs <paramref name="command"/> in it: exit 0 means
    /// alive; otherwise the kubelet restarts the container. For long-running members with no HTTP endpoint to probe.
    /// </summary>
    /// <typeparam name="T">The type of the resource.</typeparam>
    /// <param name="builder">The member.</param>
    /// <param name="command">The command and its arguments, run without a shell, such as <c>/app/LogWriter --check</c>.</param>
    /// <returns>The resource builder, for chaining.</returns>
    public static IResourceBuilder<T> PublishWithLivenessCommand<T>(this IResourceBuilder<T> builder, params string[] command)
        where T : IComputeResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentOutOfRangeException.ThrowIfZero(command.Length);
        return builder.WithAnnotation(new LivenessCommandAnnotation([.. command]), ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>
    /// Chooses how the container's image runs when published: <see cref="ContainerSecurityProfile.Restricted"/> with the
    /// image's numeric user and the directories it writes, or <see cref="ContainerSecurityProfile.ImageDefaults"/>. Without
    /// it, an image PodSuite does not know runs as the image says, with a warning; PodSuite's own .NET images and Aspire's
    /// Redis and PostgreSQL run restricted.
    /// </summary>
    /// <typeparam name="T">The type of the resource.</typeparam>
    /// <param name="builder">The container.</param>
    /// <param name="profile">The profile.</param>
    /// <returns>The resource builder, for chaining.</returns>
    /// <example>
    /// <code>
    /// builder.AddContainer("web", "docker.io/nginxinc/nginx-unprivileged", "1.27")
    ///     .PublishWithSecurityProfile(ContainerSecurityProfile.Restricted(101, 101, "/var/cache/nginx"));
    /// </code>
    /// </example>
    public static IResourceBuilder<T> PublishWithSecurityProfile<T>(this IResourceBuilder<T> builder, ContainerSecurityProfile profile)
        where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(profile);
        return builder.WithAnnotation(new ContainerSecurityProfileAnnotation(profile), ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>
    /// Gives the member's published container an environment variable whose value is a key of a Kubernetes Secret of
    /// your own (<c>valueFrom.secretKeyRef</c>), so that the value is never written into a manifest. Create the Secret
    /// in the pods' namespace before the deploy (<c>kubectl create secret generic api --from-literal=key=...</c>). Only
    /// the published container gets it: give the local run its value as usual (a parameter, user secrets).
    /// </summary>
    /// <typeparam name="T">The type of the resource.</typeparam>
    /// <param name="builder">The member.</param>
    /// <param name="name">The environment variable.</param>
    /// <param name="secretName">The Secret's name.</param>
    /// <param name="key">The key in the Secret.</param>
    /// <param name="optional">Whether the container starts without it when the Secret or the key is missing.</param>
    /// <returns>The resource builder, for chaining.</returns>
    /// <example>
    /// <code>
    /// builder.AddProject&lt;Projects.Api&gt;("api").PublishEnvironmentFromSecret("Api__Key", "api-secrets", "key");
    /// </code>
    /// </example>
    public static IResourceBuilder<T> PublishEnvironmentFromSecret<T>(
        this IResourceBuilder<T> builder, string name, string secretName, string key, bool optional = false)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(secretName);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var problem = KubernetesRules.EnvironmentVariableName.Check(name, $"Environment variable '{name}'")
            ?? KubernetesRules.Dns1123Subdomain.Check(secretName, $"Secret name '{secretName}'")
            ?? KubernetesRules.ConfigMapKey.Check(key, $"Secret key '{key}'");
        if (problem is not null)
        {
            throw new DistributedApplicationException($"'{builder.Resource.Name}' ({nameof(PublishEnvironmentFromSecret)}): {problem}");
        }

        foreach (var earlier in builder.Resource.Annotations.OfType<SecretEnvironmentAnnotation>().Where(a => a.Name == name).ToList())
        {
            builder.Resource.Annotations.Remove(earlier);
        }

        return builder.WithAnnotation(new SecretEnvironmentAnnotation(name, secretName, key, optional));
    }

    /// <summary>Sets the CPU and memory requests and limits of the member's published container.</summary>
    /// <typeparam name="T">The type of the resource.</typeparam>
    /// <param name="builder">The member.</param>
    /// <param name="resources">The requests and limits, in Kubernetes quantities (<c>100m</c>, <c>128Mi</c>).</param>
    /// <returns>The resource builder, for chaining.</returns>
    public static IResourceBuilder<T> PublishWithContainerResources<T>(this IResourceBuilder<T> builder, ContainerResources resources)
        where T : IComputeResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(resources);
        return builder.WithAnnotation(new ContainerResourcesAnnotation(resources), ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>
    /// Publishes the member as a native sidecar (Kubernetes 1.29+): started before the pod's app containers, kept
    /// running, and awaited through a startup probe by members that WaitFor it. Without it, WaitFor on a member of the
    /// same pod is not published and the waiting member retries by itself.
    /// </summary>
    /// <typeparam name="T">The type of the resource.</typeparam>
    /// <param name="builder">The member.</param>
    /// <returns>The resource builder, for chaining.</returns>
    public static IResourceBuilder<T> PublishAsNativeSidecar<T>(this IResourceBuilder<T> builder) where T : IComputeResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new NativeSidecarAnnotation(), ResourceAnnotationMutationBehavior.Replace);
    }
}
