using k8s;
using k8s.Models;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>The Kubernetes objects of one published pod: its workload, Services and ConfigMaps.</summary>
/// <param name="Name">The pod's name, also its folder in the kustomize base.</param>
/// <param name="Workload">
/// A <see cref="V1Deployment"/>, or a bare <see cref="V1Pod"/> (when every container runs to completion, or where the
/// runtime's adapter makes every pod one).
/// </param>
/// <param name="Services">The Services of its external endpoints; none where the runtime has no Services.</param>
/// <param name="ConfigMaps">The ConfigMaps of its members' config files.</param>
/// <param name="NetworkPolicy">What may connect to the pod; none where the runtime has no network policies.</param>
/// <param name="SecretValues">The keys of the app's Secret its containers read, for the deploy to fill; never written.</param>
/// <param name="Claims">The PersistentVolumeClaims of its members' named volumes (<see cref="DataVolumes"/>).</param>
internal sealed record PodManifest(
    string Name, IKubernetesObject<V1ObjectMeta> Workload, IReadOnlyList<V1Service> Services, IReadOnlyList<V1ConfigMap> ConfigMaps,
    V1NetworkPolicy? NetworkPolicy, IReadOnlyList<Planning.AppSecretValue>? SecretValues = null,
    IReadOnlyList<V1PersistentVolumeClaim>? Claims = null)
{
    /// <summary>Every object, workload first.</summary>
    public IEnumerable<IKubernetesObject<V1ObjectMeta>> Objects =>
        [Workload, .. Services, .. ConfigMaps, .. NetworkPolicy is null ? Array.Empty<IKubernetesObject<V1ObjectMeta>>() : [NetworkPolicy],
         .. Claims ?? []];

    public V1PodSpec PodSpec => Workload switch
    {
        V1Deployment deployment => deployment.Spec.Template.Spec,
        V1Job job => job.Spec.Template.Spec,
        V1Pod pod => pod.Spec,
        _ => throw new InvalidOperationException($"Unexpected workload {Workload.Kind}."),
    };
}
