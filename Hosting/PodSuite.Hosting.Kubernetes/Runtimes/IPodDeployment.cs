using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Runtimes;

/// <summary>Puts the pods where they run, waits until they are ready, and takes them away again.</summary>
internal interface IPodDeployment
{
    /// <param name="pods">The pods, as the runtime's <see cref="IManifestAdapter"/> wrote them.</param>
    /// <param name="cancellationToken">Stops the deploy.</param>
    Task DeployAsync(IReadOnlyList<PodManifest> pods, CancellationToken cancellationToken);

    /// <summary>Removes what deploys of this app created, and nothing else.</summary>
    Task DestroyAsync(IReadOnlyList<PodManifest> pods, CancellationToken cancellationToken);
}
