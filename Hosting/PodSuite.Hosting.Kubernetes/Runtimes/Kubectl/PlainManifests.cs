using PodSuite.Hosting.Kubernetes.Planning;
using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Runtimes.Kubectl;

/// <summary>A cluster runs the plain manifests as they are.</summary>
internal sealed class PlainManifests : IManifestAdapter
{
    public PodManifest Adapt(PodManifest pod, PublishReport report) => pod;
}
