using Aspire.Hosting;
using k8s.Models;
using PodSuite.Hosting.Kubernetes.Planning;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>
/// Renders one planned pod as plain Kubernetes objects: init containers in start order (waits for other pods'
/// Services, then init steps and native sidecars), the app containers, the pod's volumes, its workload and Services.
/// </summary>
internal sealed class PodRenderer(
    PortPlan ports, ValueResolver values, IPodAddresses addresses, KubernetesPublishOptions options, PublishReport report,
    DistributedApplicationExecutionContext executionContext, Aspire.Hosting.ApplicationModel.IResource? dashboard)
{
    private readonly ObjectMetadata _metadata = new(options);

    public async Task<PodManifest> RenderAsync(PodPlan pod, StartOrder order, CancellationToken cancellationToken)
    {
        var initContainers = order.ServiceWaits.Select(wait => ServiceWaits.Of(wait, addresses.HostOf(wait), options)).ToList();
        var configFiles = new List<ConfigFiles>();
        foreach (var member in order.InitSteps)
        {
            var role = order.NativeSidecars.Contains(member) ? ContainerRole.NativeSidecar : ContainerRole.InitStep;
            var (container, files) = await ContainerAsync(member, role, pod, cancellationToken).ConfigureAwait(false);
            initContainers.Add(container);
            configFiles.AddRange(files);
        }

        var containers = new List<V1Container>();
        foreach (var member in order.AppContainers)
        {
            var (container, files) = await ContainerAsync(member, ContainerRole.App, pod, cancellationToken).ConfigureAwait(false);
            containers.Add(container);
            configFiles.AddRange(files);
        }

        List<V1Volume> volumes = [.. SharedVolumes.Of(pod), .. configFiles.Select(f => f.Volume), ScratchDirectory.Volume()];
        var spec = new V1PodSpec
        {
            AutomountServiceAccountToken = SecurityDefaults.MountServiceAccountToken,
            SecurityContext = SecurityDefaults.Pod(),
            InitContainers = initContainers.Count > 0 ? initContainers : null,
            Containers = containers,
            Volumes = volumes,
            RestartPolicy = Workloads.RestartPolicyOf(order),
        };
        var selector = _metadata.SelectorOf(pod);
        var labels = _metadata.LabelsOf(pod, order.AppContainers[0]);
        return new PodManifest(
            pod.Name,
            Workloads.Of(pod, order, spec, _metadata, selector, labels),
            Services.Of(pod, ports, _metadata, selector, labels),
            [.. configFiles.Select(f => f.ConfigMap)],
            NetworkPolicy: null);
    }

    /// <summary>The pod's NetworkPolicy, once every pod is rendered and so every caller of its Service ports known.</summary>
    public V1NetworkPolicy NetworkPolicyOf(PodPlan pod, StartOrder order, Callers callers) =>
        NetworkPolicies.Of(pod, ports, callers, _metadata, _metadata.LabelsOf(pod, order.AppContainers[0]));

    private async Task<(V1Container Container, List<ConfigFiles> ConfigFiles)> ContainerAsync(
        Aspire.Hosting.ApplicationModel.IResource member, ContainerRole role, PodPlan pod, CancellationToken cancellationToken)
    {
        var settings = await MemberSettings.OfAsync(member, values, executionContext, dashboard, report, cancellationToken).ConfigureAwait(false);
        var configFiles = ConfigFiles.Of(member, pod, _metadata, report);
        return (Containers.Of(member, role, settings, configFiles, ports, options, report), configFiles);
    }
}
