namespace Aspire.Hosting.ApplicationModel;

/// <summary>A member's mount of a <see cref="SharedVolume"/>.</summary>
/// <param name="volume">The mounted volume.</param>
/// <param name="mountPath">The absolute path of the volume inside the member's container.</param>
/// <param name="environmentVariable">
/// The environment variable that tells the member where the volume is; <see langword="null"/> when the member is told
/// only of a <see cref="UnixSocket"/> in it.
/// </param>
public sealed class SharedVolumeMountAnnotation(SharedVolume volume, string mountPath, string? environmentVariable)
    : IResourceAnnotation
{
    /// <summary>The mounted volume.</summary>
    public SharedVolume Volume { get; } = volume;

    /// <summary>The absolute path of the volume inside the member's container.</summary>
    public string MountPath { get; } = mountPath;

    /// <summary>
    /// The environment variable that tells the member where the volume is: the host directory in a local run,
    /// <see cref="MountPath"/> in a container; <see langword="null"/> when the member is told only of a
    /// <see cref="UnixSocket"/> in the volume.
    /// </summary>
    public string? EnvironmentVariable { get; } = environmentVariable;
}
