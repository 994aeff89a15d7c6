using Aspire.Hosting.ApplicationModel;
using PodSuite.Hosting.Kubernetes.Planning;
using PodSuite.Hosting.Kubernetes.Rendering;
using PodSuite.Hosting.Kubernetes.Runtimes;

namespace PodSuite.Hosting.Kubernetes;

/// <summary>The pods of a publish, and what the publisher decided on its own along the way.</summary>
/// <param name="Pods">Each pod's objects, adapted to the target runtime.</param>
/// <param name="Warnings">The silent decisions, to be logged.</param>
internal sealed record KubernetesPods(IReadOnlyList<PodManifest> Pods, IReadOnlyList<string> Warnings);

/// <summary>
/// The Kubernetes mapping of the pod model: plan (pods, ports, start order), render each pod as plain Kubernetes
/// objects, adapt them to the target runtime. A pure function of the app model: the same model gives the same objects.
/// Every error is collected and reported at once.
/// </summary>
internal static class KubernetesPodMapper
{
    public static async Task<KubernetesPods> MapAsync(
        DistributedApplicationModel model, KubernetesPublishOptions options, CancellationToken cancellationToken = default)
    {
        var report = new PublishReport();
        var pods = PodPlan.From(model, options.DefaultServiceType, report);
        var ports = new PortPlan(pods, report);
        report.ThrowIfAnyError();

        var runtime = RuntimeAdapter.For(options.Runtime);
        var renderer = new PodRenderer(ports, new ValueResolver(ports, runtime, report), options, report);
        var manifests = new List<PodManifest>();
        foreach (var pod in pods)
        {
            manifests.Add(runtime.Adapt(await renderer.RenderAsync(pod, cancellationToken).ConfigureAwait(false)));
        }

        report.ThrowIfAnyError();
        return new KubernetesPods(manifests, report.Warnings);
    }
}
