using Aspire.Hosting.ApplicationModel;
using k8s.Models;
using PodSuite.Hosting.Kubernetes.Planning;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>
/// Renders one planned pod as plain Kubernetes objects: init containers in start order (waits for other pods'
/// Services, then init steps and native sidecars), the app containers, the pod's volumes, its workload, Services and
/// NetworkPolicy. A function of the plan: it reads the plan and changes nothing in it; what cannot be written is
/// reported.
/// </summary>
internal sealed class PodRenderer(PublishPlan plan, PublishReport report)
{
    private readonly ObjectMetadata _metadata = new(plan.Options);

    public PodManifest Render(PodPlan pod)
    {
        var order = plan.Orders[pod];
        var initContainers = order.ServiceWaits.Select(wait => ServiceWaits.Of(wait, plan.Addresses.AddressOf(wait), plan.Options)).ToList();
        var configFiles = new List<ConfigFiles>();
        foreach (var member in order.InitSteps)
        {
            var role = order.NativeSidecars.Contains(member) ? ContainerRole.NativeSidecar : ContainerRole.InitStep;
            initContainers.Add(Container(member, role, pod, configFiles));
        }

        var containers = order.AppContainers.Select(member => Container(member, ContainerRole.App, pod, configFiles)).ToList();
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
            Services.Of(plan.ServicePortsOf(pod), _metadata, selector, labels),
            [.. configFiles.Select(f => f.ConfigMap)],
            NetworkPolicies.Of(pod, plan.ServicePortsOf(pod), plan.Callers, _metadata, labels),
            [.. order.InitSteps.Concat(order.AppContainers).SelectMany(m => plan.Settings[m].SecretValues).DistinctBy(v => v.Key)]);
    }

    private V1Container Container(IResource member, ContainerRole role, PodPlan pod, List<ConfigFiles> podConfigFiles)
    {
        var configFiles = ConfigFiles.Of(member, pod, _metadata, report);
        podConfigFiles.AddRange(configFiles);
        return Containers.Of(member, role, plan.Settings[member], configFiles, plan.Ports, plan.Options, report);
    }
}
