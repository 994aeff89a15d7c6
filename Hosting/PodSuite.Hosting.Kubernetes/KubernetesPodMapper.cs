using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using PodSuite.Hosting.Kubernetes.Planning;
using PodSuite.Hosting.Kubernetes.Rendering;
using PodSuite.Hosting.Kubernetes.Runtimes;
using PodSuite.Hosting.Kubernetes.Telemetry;
using PodSuite.Hosting.Kubernetes.Validation;

namespace PodSuite.Hosting.Kubernetes;

/// <summary>
/// The Kubernetes mapping of the pod model: plan (pods, ports, start order), render each pod as plain Kubernetes
/// objects, adapt them to the target runtime. A pure function of the app model: the same model gives the same objects.
/// The errors of planning are reported together, then those of rendering (values that cannot be written); the
/// warnings collect in the report either way.
/// </summary>
internal static class KubernetesPodMapper
{
    public static async Task<IReadOnlyList<PodManifest>> MapAsync(
        DistributedApplicationModel model, KubernetesPublishOptions options, PublishReport report,
        DistributedApplicationExecutionContext? executionContext = null, CancellationToken cancellationToken = default)
    {
        ObjectMetadata.Check(options, report);
        var pods = PodPlan.From(model, options.DefaultServiceType, report);
        var ports = new PortPlan(pods, report);
        var orders = pods.ToDictionary(pod => pod, pod => StartOrder.Of(pod, ports, report));
        report.ThrowIfAnyError();

        var runtime = RuntimeAdapter.For(options.Runtime);
        var callers = new Callers();
        foreach (var (pod, order) in orders)
        {
            foreach (var wait in order.ServiceWaits)
            {
                callers.Add(wait, pod);
            }
        }

        var values = new ValueResolver(ports, runtime, callers, report);
        var renderer = new PodRenderer(ports, values, runtime, options, report,
            executionContext ?? new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish),
            TelemetryEnvironment.DashboardAmong(pods.SelectMany(p => p.Members)));
        var rendered = new List<(PodPlan Pod, PodManifest Manifest)>();
        foreach (var pod in pods)
        {
            rendered.Add((pod, await renderer.RenderAsync(pod, orders[pod], cancellationToken).ConfigureAwait(false)));
        }

        report.ThrowIfAnyError();

        // Only now is every caller of every Service port known: all pods' values are resolved.
        var manifests = rendered
            .Select(r => runtime.Adapt(r.Manifest with { NetworkPolicy = renderer.NetworkPolicyOf(r.Pod, orders[r.Pod], callers) }))
            .ToList();

        // The last check before anything is written: every object as the API server would see it.
        foreach (var problem in ObjectRules.Check(manifests.SelectMany(m => m.Objects)))
        {
            report.Errors.Add(problem);
        }

        report.ThrowIfAnyError();
        return manifests;
    }
}
