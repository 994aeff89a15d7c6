using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>
/// Extension methods for Unix domain sockets in a pod's shared volumes: one member listens on a socket, others of the
/// same pod connect to it, without a TCP port.
/// </summary>
public static class UnixSocketExtensions
{
    /// <summary>
    /// Adds a Unix socket to a shared volume: the file <paramref name="fileName"/> in it, which a member creates with
    /// <see cref="ListensOnUnixSocket{T}"/> and others reach with <see cref="ConnectsToUnixSocket{T}"/>.
    /// </summary>
    /// <param name="volume">The shared volume the socket lives in.</param>
    /// <param name="fileName">The socket's file name, such as <c>webapp.sock</c>.</param>
    /// <returns>The socket.</returns>
    /// <example>
    /// <code>
    /// var mc3 = builder.AddPod("mc3");
    /// var socket = mc3.AddSharedVolume("sockets").AddUnixSocket("webapp.sock");
    /// builder.AddProject&lt;Projects.WebApp&gt;("webapp").InPod(mc3)
    ///     .ListensOnUnixSocket(socket, "/run/mc3", "WebApp__ProxySocket");
    /// builder.AddProject&lt;Projects.Proxy&gt;("proxy").InPod(mc3)
    ///     .ConnectsToUnixSocket(socket, "/run/mc3", "Proxy__UpstreamSocket");
    /// </code>
    /// </example>
    public static UnixSocket AddUnixSocket(this SharedVolume volume, string fileName)
    {
        ArgumentNullException.ThrowIfNull(volume);
        if (string.IsNullOrWhiteSpace(fileName) || fileName.Contains('/') || fileName is "." or ".." || fileName.Contains('\0'))
        {
            throw new ArgumentException(
                $"'{fileName}' is not a file name for a Unix socket in shared volume '{volume.Name}' of pod '{volume.Pod.Name}'; " +
                "use a name without '/', such as 'webapp.sock'.", nameof(fileName));
        }

        return volume.CreateUnixSocket(fileName);
    }

    /// <summary>
    /// Makes a member the one that listens on <paramref name="socket"/>: it mounts the socket's volume at
    /// <paramref name="mountPath"/> and <paramref name="environmentVariable"/> holds the socket's path, which the member
    /// creates and listens on.
    /// </summary>
    /// <typeparam name="T">The type of the resource.</typeparam>
    /// <param name="builder">The member that listens.</param>
    /// <param name="socket">A Unix socket in a shared volume of the member's pod.</param>
    /// <param name="mountPath">The absolute path of the socket's volume inside the member's container.</param>
    /// <param name="environmentVariable">The environment variable that receives the socket's path.</param>
    /// <returns>The resource builder, for chaining.</returns>
    public static IResourceBuilder<T> ListensOnUnixSocket<T>(
        this IResourceBuilder<T> builder, UnixSocket socket, string mountPath, string environmentVariable)
        where T : IResourceWithEnvironment =>
        builder.UsesUnixSocket(socket, UnixSocketRole.Listens, mountPath, environmentVariable);

    /// <summary>
    /// Makes a member connect to <paramref name="socket"/>: it mounts the socket's volume at
    /// <paramref name="mountPath"/> and <paramref name="environmentVariable"/> holds the socket's path.
    /// </summary>
    /// <typeparam name="T">The type of the resource.</typeparam>
    /// <param name="builder">The member that connects.</param>
    /// <param name="socket">A Unix socket in a shared volume of the member's pod.</param>
    /// <param name="mountPath">The absolute path of the socket's volume inside the member's container.</param>
    /// <param name="environmentVariable">The environment variable that receives the socket's path.</param>
    /// <returns>The resource builder, for chaining.</returns>
    public static IResourceBuilder<T> ConnectsToUnixSocket<T>(
        this IResourceBuilder<T> builder, UnixSocket socket, string mountPath, string environmentVariable)
        where T : IResourceWithEnvironment =>
        builder.UsesUnixSocket(socket, UnixSocketRole.ConnectsTo, mountPath, environmentVariable);

    private static IResourceBuilder<T> UsesUnixSocket<T>(
        this IResourceBuilder<T> builder, UnixSocket socket, UnixSocketRole role, string mountPath, string environmentVariable)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(socket);
        PodBuilderExtensions.RequireContainerPath(builder.Resource, mountPath, nameof(mountPath));
        ArgumentException.ThrowIfNullOrWhiteSpace(environmentVariable);

        var use = new UnixSocketAnnotation(socket, role, mountPath, environmentVariable);
        builder.WithAnnotation(use);
        if (!builder.Resource.Annotations.OfType<SharedVolumeMountAnnotation>().Any(m => m.Volume == socket.Volume && m.MountPath == mountPath))
        {
            builder.WithAnnotation(new SharedVolumeMountAnnotation(socket.Volume, mountPath, environmentVariable: null));
        }

        return builder.WithEnvironment(context =>
            context.EnvironmentVariables[environmentVariable] = PodBuilderExtensions.RunsAsHostProcess(context)
                ? socket.PathIn(socket.Volume.LocalPath ?? throw new DistributedApplicationException(
                    $"Shared volume '{socket.Volume.Name}' of pod '{socket.Volume.Pod.Name}' has no host directory yet; " +
                    $"'{builder.Resource.Name}' can only read its socket '{socket.Name}' once the app host has started."))
                : use.ContainerPath);
    }
}
