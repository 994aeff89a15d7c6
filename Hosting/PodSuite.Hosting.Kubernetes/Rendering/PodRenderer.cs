using Aspire.Hosting.ApplicationModel;
using k8s.Models;
using PodSuite.Hosting.Kubernetes.Planning;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>
/// Renders one planned pod as plain Kubernetes objects: init containers in start order (waits for other pods'
/// Services, then init steps and native sidecars), the app containers, the pod's volumes, its workload and Services.
/// </summary>
internal sealed class PodRenderer(PortPlan ports, ValueResolver values, KubernetesPublishOptions options, PublishReport report)
{
    // A pod whose containers all run to completion is not restarted; a Deployment's pods keep Kubernetes' default.
    private const string RestartNever = "Never";

    private readonly ObjectMetadata _metadata = new(options);

    public async Task<PodManifest> RenderAsync(PodPlan pod, CancellationToken cancellationToken)
    {
        var order = StartOrder.Of(pod, ports, report);
        var volumes = SharedVolumes.Of(pod);
        var configMaps = new List<V1ConfigMap>();

        var initContainers = order.ServiceWaits.Select(wait => ServiceWaits.Of(wait, options)).ToList();
        foreach (var member in order.InitSteps)
        {
            var role = order.NativeSidecars.Contains(member) ? ContainerRole.NativeSidecar : ContainerRole.InitStep;
            initContainers.Add(await ContainerAsync(member, role, pod, volumes, configMaps, cancellationToken).ConfigureAwait(false));
        }

        var containers = new List<V1Container>();
        foreach (var member in order.AppContainers)
        {
            containers.Add(await ContainerAsync(member, ContainerRole.App, pod, volumes, configMaps, cancellationToken).ConfigureAwait(false));
        }

        var spec = new V1PodSpec
        {
            AutomountServiceAccountToken = false,
            SecurityContext = SecurityDefaults.Pod(),
            InitContainers = initContainers.Count > 0 ? initContainers : null,
            Containers = containers,
            Volumes = volumes.Count > 0 ? volumes : null,
            RestartPolicy = order.RunsToCompletion ? RestartNever : null,
        };
        var selector = _metadata.SelectorOf(pod);
        var labels = _metadata.LabelsOf(pod, order.AppContainers[0]);
        return new PodManifest(
            pod.Name,
            Workloads.Of(pod, order, spec, _metadata, selector, labels),
            Services.Of(pod, ports, _metadata, selector, labels),
            configMaps);
    }

    private async Task<V1Container> ContainerAsync(
        IResource member, ContainerRole role, PodPlan pod, List<V1Volume> volumes, List<V1ConfigMap> configMaps, CancellationToken cancellationToken)
    {
        var settings = await MemberSettings.OfAsync(member, values, cancellationToken).ConfigureAwait(false);
        var configFiles = ConfigFiles.Of(member, pod, _metadata);
        configMaps.AddRange(configFiles.Select(f => f.ConfigMap));
        volumes.AddRange(configFiles.Select(f => f.Volume));
        return Containers.Of(member, role, settings, configFiles, ports, options, report);
    }
}
