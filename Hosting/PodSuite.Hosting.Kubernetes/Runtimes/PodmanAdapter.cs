using System.Globalization;
using k8s;
using k8s.Models;
using PodSuite.Hosting.Kubernetes.Planning;
using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Runtimes;

/// <summary>
/// Rewrites plain Kubernetes pods for <c>podman kube play</c> (podman 4.3) on one machine:
/// <list type="bullet">
/// <item>podman has no Services: they are dropped, an external endpoint's container port gets <c>hostPort</c> = its
/// Service port, and another pod is reached through the host at that port;</item>
/// <item>podman publishes every declared container port on the host, so internal ports are not declared;</item>
/// <item>podman applies the pod's restart policy to init containers too, so under a Deployment's Always it would rerun
/// them forever: a serving pod is a bare Pod restarted only on failure;</item>
/// <item>podman races removing "once" init containers while they still run: they are kept until the pod goes;</item>
/// <item>podman has no network policies: the host ports are all it publishes;</item>
/// <item>podman has no Jobs: a Job becomes the bare Pod it would run.</item>
/// </list>
/// </summary>
internal sealed class PodmanAdapter : RuntimeAdapter
{
    public const string HostFromContainers = "host.containers.internal";
    public const string InitContainerTypeAnnotation = "io.podman.annotations.init.container.type";
    public const string KeepInitContainers = "always";
    public const string RestartOnFailure = "OnFailure";

    public override string HostOf(ServicePortPlan service) => HostFromContainers;

    public override PodManifest Adapt(PodManifest pod)
    {
        var bare = BarePod(pod.Workload);
        // A container port number is one listener of the pod, whichever container declares it: the first Service port
        // that targets it is where podman publishes it.
        var hostPorts = pod.Services.SelectMany(s => s.Spec.Ports)
            .GroupBy(p => int.Parse(p.TargetPort.Value, CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.First().Port);
        foreach (var container in (bare.Spec.InitContainers ?? []).Concat(bare.Spec.Containers))
        {
            container.Ports = PublishedOnly(container.Ports, hostPorts);
        }

        if (bare.Spec.InitContainers is { Count: > 0 })
        {
            bare.Metadata.Annotations ??= new Dictionary<string, string>();
            bare.Metadata.Annotations[InitContainerTypeAnnotation] = KeepInitContainers;
        }

        return pod with { Workload = bare, Services = [], NetworkPolicy = null };
    }

    private static V1Pod BarePod(IKubernetesObject<V1ObjectMeta> workload) => workload switch
    {
        V1Pod pod => Copy(pod),
        V1Deployment deployment => FromTemplate(Copy(deployment)),
        V1Job job => BareJobPod(Copy(job)),
        _ => throw new InvalidOperationException($"Unexpected workload {workload.Kind}."),
    };

    private static V1Pod FromTemplate(V1Deployment deployment)
    {
        var spec = deployment.Spec.Template.Spec;
        spec.RestartPolicy = RestartOnFailure;
        return new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta
            {
                Name = deployment.Metadata.Name,
                NamespaceProperty = deployment.Metadata.NamespaceProperty,
                Labels = deployment.Spec.Template.Metadata.Labels,
            },
            Spec = spec,
        };
    }

    // Podman 4.3 has no Jobs: the run-to-completion pod the Job would run, once.
    private static V1Pod BareJobPod(V1Job job) => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new V1ObjectMeta
        {
            Name = job.Metadata.Name,
            NamespaceProperty = job.Metadata.NamespaceProperty,
            Labels = job.Spec.Template.Metadata.Labels,
        },
        Spec = job.Spec.Template.Spec,
    };

    // The adapter works on a copy: plain objects in, podman's out, and the plain ones stay as they were (a caller may
    // write both, or compare them).
    private static T Copy<T>(T value) => KubernetesYaml.Deserialize<T>(KubernetesYaml.Serialize(value));

    private static List<V1ContainerPort>? PublishedOnly(IList<V1ContainerPort>? ports, Dictionary<int, int> hostPorts)
    {
        var published = (ports ?? [])
            .Where(p => hostPorts.ContainsKey(p.ContainerPort))
            .Select(p => new V1ContainerPort { Name = p.Name, ContainerPort = p.ContainerPort, HostPort = hostPorts[p.ContainerPort], Protocol = p.Protocol })
            .ToList();
        return published.Count > 0 ? published : null;
    }
}
