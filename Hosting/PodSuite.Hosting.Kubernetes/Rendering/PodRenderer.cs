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
        var selector = _metadata.SelectorOf(pod);
        var labels = _metadata.LabelsOf(pod, order.AppContainers[0]);
        var members = order.InitSteps.Concat(order.AppContainers).ToList();
        members.ForEach(m => SecurityProfiles.WarnIfUnknown(m, report));
        var allRestricted = members.TrueForAll(m => SecurityProfiles.Of(m).IsRestricted);
        var initContainers = order.ServiceWaits.Select(wait => ServiceWaits.Of(wait, plan.Addresses.AddressOf(wait), plan.Options, allRestricted)).ToList();
        var configFiles = new List<ConfigFiles>();
        var dataVolumes = new List<DataVolumes.Volume>();
        foreach (var member in order.InitSteps)
        {
            var role = order.NativeSidecars.Contains(member) ? ContainerRole.NativeSidecar : ContainerRole.InitStep;
            initContainers.Add(Container(member, role, pod, labels, configFiles, dataVolumes, allRestricted));
        }

        var containers = order.AppContainers.Select(member => Container(member, ContainerRole.App, pod, labels, configFiles, dataVolumes, allRestricted)).ToList();
        List<V1Volume> volumes =
        [
            .. SharedVolumes.Of(pod), .. configFiles.Select(f => f.Volume),
            .. dataVolumes.Select(v => v.PodVolume).DistinctBy(v => v.Name),
        ];
        if (initContainers.Concat(containers).Any(c => c.VolumeMounts?.Any(m => m.Name == ScratchDirectory.VolumeName) == true))
        {
            volumes.Add(ScratchDirectory.Volume());
        }

        var claims = dataVolumes.Select(v => v.Claim).OfType<V1PersistentVolumeClaim>().DistinctBy(c => c.Metadata.Name).ToList();
        var spec = new V1PodSpec
        {
            AutomountServiceAccountToken = SecurityDefaults.MountServiceAccountToken,
            SecurityContext = SecurityDefaults.Pod(VolumeGroupOf(order, dataVolumes.Count > 0), allRestricted),
            InitContainers = initContainers.Count > 0 ? initContainers : null,
            Containers = containers,
            Volumes = volumes.Count > 0 ? volumes : null,
            RestartPolicy = Workloads.RestartPolicyOf(order),
        };
        return new PodManifest(
            pod.Name,
            Workloads.Of(pod, order, spec, PodReplicas.Of(pod, order, claims.Count > 0 && plan.Options.Volumes.AccessMode is "ReadWriteOnce" or "ReadWriteOncePod", report), _metadata, selector, labels),
            Services.Of(plan.ServicePortsOf(pod), _metadata, selector, labels),
            [.. configFiles.Select(f => f.ConfigMap)],
            NetworkPolicies.Of(pod, plan.ServicePortsOf(pod), plan.Callers, _metadata, labels),
            [.. order.InitSteps.Concat(order.AppContainers).SelectMany(m => plan.Settings[m].SecretValues).DistinctBy(v => v.Key)],
            claims);
    }

    private V1Container Container(
        IResource member, ContainerRole role, PodPlan pod, Dictionary<string, string> labels, List<ConfigFiles> podConfigFiles,
        List<DataVolumes.Volume> podDataVolumes, bool podIsNonRoot)
    {
        var configFiles = ConfigFiles.Of(member, pod, _metadata, report);
        podConfigFiles.AddRange(configFiles);
        var dataVolumes = DataVolumes.Of(member, plan.Options.Volumes, _metadata, labels, report);
        dataVolumes.AddRange(WritableDirectories.Of(member,
            [.. dataVolumes.Select(v => v.Mount.MountPath), .. configFiles.Select(f => f.Mount.MountPath), .. SharedVolumes.MountsOf(member).Select(m => m.MountPath)]));
        podDataVolumes.AddRange(dataVolumes);
        return Containers.Of(member, role, plan.Settings[member], configFiles, [.. dataVolumes.Select(v => v.Mount)], plan.Ports, plan.Options, podIsNonRoot, report);
    }

    // The group that owns the pod's volumes, so its members can write them: the first member's whose image says.
    private static long? VolumeGroupOf(StartOrder order, bool hasVolumes) =>
        hasVolumes ? order.InitSteps.Concat(order.AppContainers).Select(Containers.VolumeGroupOf).FirstOrDefault(g => g is not null) : null;
}
