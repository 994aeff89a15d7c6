using Aspire.Hosting.ApplicationModel;
using PodSuite.Hosting;
using PodSuite.Hosting.Local;

namespace Aspire.Hosting;

/// <summary>Extension methods that compose co-located resources into pods.</summary>
public static class PodBuilderExtensions
{
    /// <summary>The resource type the dashboard shows for a pod.</summary>
    public const string PodResourceType = "Pod";

    /// <summary>
    /// Adds a pod: a group of co-located resources that the dashboard shows as one parent, and that a publisher (such
    /// as PodSuite.Hosting.Kubernetes' <c>AddKubernetesPods</c>) publishes as one multi-container pod.
    /// </summary>
    /// <param name="builder">The app host builder.</param>
    /// <param name="name">The name of the pod.</param>
    /// <returns>A builder for the pod.</returns>
    /// <example>
    /// <code>
    /// var mc1 = builder.AddPod("mc1");
    /// var html = mc1.AddSharedVolume("html");
    /// builder.AddProject&lt;Projects.LogWriter&gt;("log-writer")
    ///     .InPod(mc1)
    ///     .WithSharedVolume(html, "/var/log/html", "LogWriter__Directory");
    /// </code>
    /// </example>
    public static IResourceBuilder<PodResource> AddPod(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        PodLifecycle.Register(builder);
        return builder.AddResource(new PodResource(name))
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = PodResourceType,
                State = KnownResourceStates.NotStarted,
                Properties = builder.ExecutionContext.IsRunMode && ProcessStartTimes.Note() is { } note
                    ? [new(ProcessStartTimes.PropertyName, note)]
                    : [],
            })
            .WithIconName("BoxMultiple")
            .ExcludeFromManifest();
    }

    /// <summary>
    /// Adds a shared volume to a pod: scratch storage that members mount with
    /// <see cref="WithSharedVolume{T}(IResourceBuilder{T}, SharedVolume, string, string)"/>.
    /// </summary>
    /// <param name="pod">The pod that owns the volume.</param>
    /// <param name="name">The name of the volume, unique within the pod.</param>
    /// <returns>The shared volume.</returns>
    public static SharedVolume AddSharedVolume(this IResourceBuilder<PodResource> pod, string name)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return pod.Resource.AddSharedVolume(name);
    }

    /// <summary>
    /// Adds an IPC key to a pod: the key of a System V message queue (or semaphore, or shared memory) that members
    /// receive with <see cref="WithIpcKey{T}(IResourceBuilder{T}, IpcKey, string)"/>. Each local run gets a random key,
    /// since local processes share the host's IPC namespace; when published the key is fixed, since a pod has its own.
    /// </summary>
    /// <param name="pod">The pod whose members share the key.</param>
    /// <param name="name">The name of the key, unique within the pod.</param>
    /// <param name="publishedKey">The key in the published pod; by default one derived from the pod's and the key's names.</param>
    /// <returns>The IPC key.</returns>
    public static IpcKey AddIpcKey(this IResourceBuilder<PodResource> pod, string name, int? publishedKey = null)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (publishedKey is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(publishedKey), $"IPC key '{name}' of pod '{pod.Resource.Name}' must be positive; 0 is IPC_PRIVATE.");
        }

        var value = pod.ApplicationBuilder.ExecutionContext.IsRunMode
            ? Random.Shared.Next(1, int.MaxValue)
            : publishedKey ?? IpcKey.Stable(pod.Resource.Name, name);
        return pod.Resource.AddIpcKey(name, value);
    }

    /// <summary>
    /// Puts a compute resource in a pod: it runs co-located with the other members and the dashboard shows it
    /// under the pod. A resource belongs to at most one pod.
    /// </summary>
    /// <typeparam name="T">The type of the resource.</typeparam>
    /// <param name="builder">The resource to put in the pod.</param>
    /// <param name="pod">The pod.</param>
    /// <returns>The resource builder, for chaining.</returns>
    public static IResourceBuilder<T> InPod<T>(this IResourceBuilder<T> builder, IResourceBuilder<PodResource> pod)
        where T : IComputeResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(pod);

        var memberships = builder.Resource.Annotations.OfType<PodMemberAnnotation>().ToList();
        if (memberships.Any(m => m.Pod == pod.Resource))
        {
            return builder;
        }

        builder.WithAnnotation(new PodMemberAnnotation(pod.Resource));
        // A second pod is reported by validation with both names; the dashboard keeps the first parent.
        return memberships.Count == 0 ? builder.WithParentRelationship(pod.Resource) : builder;
    }

    /// <summary>
    /// Mounts a shared volume of the member's pod at <paramref name="mountPath"/> and tells the member where it is
    /// through <paramref name="environmentVariable"/>: the host directory in a local run, the mount path in a container.
    /// </summary>
    /// <typeparam name="T">The type of the resource.</typeparam>
    /// <param name="builder">The member that mounts the volume.</param>
    /// <param name="volume">A shared volume of the member's pod.</param>
    /// <param name="mountPath">The absolute path of the volume inside the member's container.</param>
    /// <param name="environmentVariable">The environment variable that receives the volume's path.</param>
    /// <returns>The resource builder, for chaining.</returns>
    public static IResourceBuilder<T> WithSharedVolume<T>(
        this IResourceBuilder<T> builder, SharedVolume volume, string mountPath, string environmentVariable)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(volume);
        RequireContainerPath(builder.Resource, mountPath, nameof(mountPath));
        ArgumentException.ThrowIfNullOrWhiteSpace(environmentVariable);

        var existing = builder.Resource.Annotations.OfType<SharedVolumeMountAnnotation>()
            .Where(m => m.Volume == volume && m.MountPath == mountPath).ToList();
        if (existing.Any(m => m.EnvironmentVariable is not null))
        {
            return builder;
        }

        // A mount made for a Unix socket in the volume, which told of the socket only: this one tells of the volume too.
        foreach (var socketOnly in existing)
        {
            builder.Resource.Annotations.Remove(socketOnly);
        }

        var mount = new SharedVolumeMountAnnotation(volume, mountPath, environmentVariable);
        return builder
            .WithAnnotation(mount)
            .WithEnvironment(context =>
                context.EnvironmentVariables[environmentVariable] = RunsAsHostProcess(context)
                    ? volume.LocalPath ?? throw new DistributedApplicationException(
                        $"Shared volume '{volume.Name}' of pod '{volume.Pod.Name}' has no host directory yet; " +
                        $"'{builder.Resource.Name}' can only read it once the app host has started.")
                    : mountPath);
    }

    /// <summary>Gives a member its pod's IPC key in <paramref name="environmentVariable"/>, in decimal.</summary>
    /// <typeparam name="T">The type of the resource.</typeparam>
    /// <param name="builder">The member that uses the key.</param>
    /// <param name="key">An IPC key of the member's pod.</param>
    /// <param name="environmentVariable">The environment variable that receives the key.</param>
    /// <returns>The resource builder, for chaining.</returns>
    public static IResourceBuilder<T> WithIpcKey<T>(this IResourceBuilder<T> builder, IpcKey key, string environmentVariable)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(environmentVariable);

        return builder
            .WithAnnotation(new IpcKeyAnnotation(key, environmentVariable))
            .WithEnvironment(environmentVariable, key.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Marks a member that does its work and exits. A pod whose members all run to completion is published as a
    /// bare pod that is not restarted (<c>restartPolicy: Never</c>) rather than a Deployment.
    /// </summary>
    /// <typeparam name="T">The type of the resource.</typeparam>
    /// <param name="builder">The member.</param>
    /// <returns>The resource builder, for chaining.</returns>
    public static IResourceBuilder<T> RunsToCompletion<T>(this IResourceBuilder<T> builder) where T : IComputeResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new RunToCompletionAnnotation(), ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>
    /// Gives a member a file from the app host. Locally the member reads the file where it is; in Kubernetes it is a
    /// ConfigMap mounted as the directory <paramref name="mountDirectory"/>. Either way
    /// <paramref name="environmentVariable"/> holds the file's path.
    /// </summary>
    /// <typeparam name="T">The type of the resource.</typeparam>
    /// <param name="builder">The member that reads the file.</param>
    /// <param name="path">The file's path, absolute or relative to the app host's directory.</param>
    /// <param name="mountDirectory">The absolute directory inside the member's container where the file appears.</param>
    /// <param name="environmentVariable">The environment variable that receives the file's path.</param>
    /// <returns>The resource builder, for chaining.</returns>
    public static IResourceBuilder<T> WithConfigFile<T>(
        this IResourceBuilder<T> builder, string path, string mountDirectory, string environmentVariable)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        RequireContainerPath(builder.Resource, mountDirectory, nameof(mountDirectory));
        ArgumentException.ThrowIfNullOrWhiteSpace(environmentVariable);

        var sourcePath = Path.GetFullPath(path, builder.ApplicationBuilder.AppHostDirectory);
        var file = new ConfigFileAnnotation(sourcePath, mountDirectory, environmentVariable);
        builder.WithAnnotation(file);
        if (builder.ApplicationBuilder.ExecutionContext.IsRunMode && builder.Resource is ContainerResource)
        {
            builder.WithAnnotation(new ContainerMountAnnotation(sourcePath, file.MountedPath, ContainerMountType.BindMount, isReadOnly: true));
        }

        return builder.WithEnvironment(context =>
            context.EnvironmentVariables[environmentVariable] = RunsAsHostProcess(context) ? sourcePath : file.MountedPath);
    }

    internal static bool RunsAsHostProcess(EnvironmentCallbackContext context) =>
        context.ExecutionContext.IsRunMode && context.Resource is not ContainerResource;

    internal static void RequireContainerPath(IResource resource, string path, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(path) || !path.StartsWith('/'))
        {
            throw new ArgumentException(
                $"'{path}' given to '{resource.Name}' is not an absolute container path; use one that starts with '/', such as '/data'.",
                parameterName);
        }
    }
}
