using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Deploy;

/// <summary>Puts the pods where they run, waits until they are ready, and takes them away again.</summary>
internal interface IPodDeployment
{
    /// <param name="pods">The pods, as the runtime's adapter wrote them.</param>
    /// <param name="outputDirectory">Where the step may write the manifests it deploys.</param>
    /// <param name="workDirectory">Where it may keep files of its own for the length of the step.</param>
    /// <param name="cancellationToken">Stops the deploy.</param>
    Task DeployAsync(IReadOnlyList<PodManifest> pods, string outputDirectory, string workDirectory, CancellationToken cancellationToken);

    /// <summary>Removes what deploys of this app created, and nothing else.</summary>
    Task DestroyAsync(IReadOnlyList<PodManifest> pods, CancellationToken cancellationToken);
}
