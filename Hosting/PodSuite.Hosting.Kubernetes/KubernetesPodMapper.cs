using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using PodSuite.Hosting.Kubernetes.Planning;
using PodSuite.Hosting.Kubernetes.Rendering;
using PodSuite.Hosting.Kubernetes.Runtimes;
using PodSuite.Hosting.Kubernetes.Validation;

namespace PodSuite.Hosting.Kubernetes;

/// <summary>
/// The Kubernetes mapping of the pod model: plan (pods, ports, start order, values), render each pod as plain
/// Kubernetes objects, adapt them to the target runtime, check every object. The same model gives the same objects.
/// The errors of planning are reported together, then those of the values and of rendering together; the warnings
/// collect in the report either way.
/// </summary>
internal static class KubernetesPodMapper
{
    /// <summary>Plans and renders the model in one go (a pipeline step reads its run's plan, <see cref="PublishPlans"/>).</summary>
    public static async Task<IReadOnlyList<PodManifest>> MapAsync(
        DistributedApplicationModel model, KubernetesPublishOptions options, PublishReport report,
        DistributedApplicationExecutionContext? executionContext = null, CancellationToken cancellationToken = default)
    {
        var runtime = RuntimeTarget.For(options.Runtime);
        var plan = await PublishPlan.CreateAsync(
            PodPlan.From(model, options.DefaultServiceType, report), options, runtime.Addresses, report, executionContext, cancellationToken).ConfigureAwait(false);
        return Render(plan, runtime.Manifests, report);
    }

    /// <summary>Renders the plan's pods, adapts them to the runtime, and checks every object as the API server would.</summary>
    public static IReadOnlyList<PodManifest> Render(PublishPlan plan, IManifestAdapter runtime, PublishReport report)
    {
        var renderer = new PodRenderer(plan, report);
        var rendered = plan.Pods.Select(renderer.Render).ToList();
        report.ThrowIfAnyError();

        var manifests = rendered.Select(pod => runtime.Adapt(pod, report)).ToList();
        foreach (var problem in ObjectRules.Check(manifests.SelectMany(m => m.Objects)))
        {
            report.Errors.Add(problem);
        }

        report.ThrowIfAnyError();
        return manifests;
    }
}
