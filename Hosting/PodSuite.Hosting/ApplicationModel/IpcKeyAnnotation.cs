namespace Aspire.Hosting.ApplicationModel;

/// <summary>A member's use of its pod's <see cref="IpcKey"/>.</summary>
/// <param name="key">The key.</param>
/// <param name="environmentVariable">The environment variable that receives the key, in decimal.</param>
public sealed class IpcKeyAnnotation(IpcKey key, string environmentVariable) : IResourceAnnotation
{
    /// <summary>The key.</summary>
    public IpcKey Key { get; } = key;

    /// <summary>The environment variable that receives the key, in decimal.</summary>
    public string EnvironmentVariable { get; } = environmentVariable;
}
