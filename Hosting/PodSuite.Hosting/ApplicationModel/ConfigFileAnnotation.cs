namespace Aspire.Hosting.ApplicationModel;

/// <summary>A file from the app host given to a member: a ConfigMap mounted as a directory in Kubernetes.</summary>
/// <param name="sourcePath">The absolute path of the file on the app host's machine.</param>
/// <param name="mountDirectory">The absolute directory inside the member's container where the file appears.</param>
/// <param name="environmentVariable">The environment variable that tells the member the file's path.</param>
public sealed class ConfigFileAnnotation(string sourcePath, string mountDirectory, string environmentVariable)
    : IResourceAnnotation
{
    /// <summary>The absolute path of the file on the app host's machine.</summary>
    public string SourcePath { get; } = sourcePath;

    /// <summary>The absolute directory inside the member's container where the file appears.</summary>
    public string MountDirectory { get; } = mountDirectory;

    /// <summary>
    /// The environment variable that tells the member the file's path: <see cref="SourcePath"/> in a local run,
    /// <see cref="MountedPath"/> in a container.
    /// </summary>
    public string EnvironmentVariable { get; } = environmentVariable;

    /// <summary>The file's name, the same on the host and in the container.</summary>
    public string FileName => Path.GetFileName(SourcePath);

    /// <summary>The file's path inside the member's container.</summary>
    public string MountedPath => $"{MountDirectory.TrimEnd('/')}/{FileName}";
}
