namespace Aspire.Hosting.ApplicationModel;

/// <summary>How a member uses a <see cref="UnixSocket"/>.</summary>
public enum UnixSocketRole
{
    /// <summary>The member creates the socket and accepts connections on it; one member per socket.</summary>
    Listens,

    /// <summary>The member connects to the socket.</summary>
    ConnectsTo,
}

/// <summary>A member's use of a <see cref="UnixSocket"/> in a shared volume it mounts at <see cref="MountPath"/>.</summary>
/// <param name="socket">The socket.</param>
/// <param name="role">Whether the member listens on the socket or connects to it.</param>
/// <param name="mountPath">The absolute path where the member mounts the socket's volume.</param>
/// <param name="environmentVariable">The environment variable that tells the member the socket's path.</param>
public sealed class UnixSocketAnnotation(UnixSocket socket, UnixSocketRole role, string mountPath, string environmentVariable)
    : IResourceAnnotation
{
    /// <summary>The socket.</summary>
    public UnixSocket Socket { get; } = socket;

    /// <summary>Whether the member listens on the socket or connects to it.</summary>
    public UnixSocketRole Role { get; } = role;

    /// <summary>The absolute path where the member mounts the socket's volume.</summary>
    public string MountPath { get; } = mountPath;

    /// <summary>
    /// The environment variable that tells the member the socket's path: in the volume's host directory in a local
    /// run, under <see cref="MountPath"/> in a container.
    /// </summary>
    public string EnvironmentVariable { get; } = environmentVariable;

    /// <summary>The socket's path inside the member's container.</summary>
    public string ContainerPath => Socket.PathIn(MountPath);
}
