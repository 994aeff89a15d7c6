namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// An environment variable of a member's container whose value is a key of a Kubernetes Secret
/// (<c>valueFrom.secretKeyRef</c>), so that the value is never written into a manifest.
/// </summary>
/// <param name="name">The environment variable.</param>
/// <param name="secretName">The Secret.</param>
/// <param name="key">The key in the Secret.</param>
/// <param name="optional">Whether the container starts without it when the Secret is missing.</param>
public sealed class SecretEnvironmentAnnotation(string name, string secretName, string key, bool optional) : IResourceAnnotation
{
    /// <summary>The environment variable.</summary>
    public string Name { get; } = name;

    /// <summary>The Secret.</summary>
    public string SecretName { get; } = secretName;

    /// <summary>The key in the Secret.</summary>
    public string Key { get; } = key;

    /// <summary>Whether the container starts without it when the Secret is missing.</summary>
    public bool Optional { get; } = optional;
}
