using System.Globalization;
using k8s;
using k8s.Models;
using PodSuite.Hosting.Kubernetes.Planning;
using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Runtimes.Podman;

/// <summary>
/// Rewrites plain Kubernetes pods for <c>podman kube play</c> (podman 4.3) on one machine:
/// <list type="bullet">
/// <item>podman has no Services: they are dropped, and another pod is reached at its name on podman's kube network, at
/// the container port (<see cref="PodmanAddresses"/>);</item>
/// <item>podman publishes every declared container port on the host, so internal ports are not declared;</item>
/// <item>podman applies the pod's restart policy to init containers too, so under a Deployment's Always it would rerun
/// them forever: a serving pod is a bare Pod restarted only on failure;</item>
/// <item>podman races removing "once" init containers while they still run: they are kept until the pod goes;</item>
/// <item>podman has no network policies: the ports the policy admits anyone to (a NodePort or LoadBalancer Service's) get
/// <c>hostPort</c> = their Service port, and are published on the host; a ClusterIP port is published nowhere, and
/// reached only on podman's network (by the pods that call it, and as <c>kubectl port-forward</c> would, at the pod's
/// own address);</item>
/// <item>podman has no Jobs: a Job becomes the bare Pod it would run;</item>
/// <item>podman has no Deployments to scale: a pod with replicas runs once, with a warning;</item>
/// <item>podman runs a liveness probe as a health check inside the container, an HTTP one with <c>curl</c>, which the
/// .NET images lack: it becomes the same request made with bash's <c>/dev/tcp</c>;</item>
/// <item>podman joins an exec probe's words with spaces and runs them with <c>/bin/sh -c</c>: each word the model gave
/// is quoted for the shell, so the program gets exactly those words, as the kubelet gives them without a shell;</item>
/// <item>podman takes no namespace from the downward API, and expands neither <c>$(NAME)</c> nor <c>$$</c> in a value,
/// a command or an argument: they are written in, as the kubelet would resolve them;</item>
/// <item>podman makes each emptyDir and ConfigMap volume a named volume, shared by name across pods (and a ConfigMap's
/// kept after them): they, and the ConfigMaps, are named after their pod;</item>
/// <item>a PersistentVolumeClaim is a named volume of the claim's name, which the deploy makes and keeps.</item>
/// </list>
/// </summary>
internal sealed class PodmanManifests : IManifestAdapter
{
    public const string InitContainerTypeAnnotation = "io.podman.annotations.init.container.type";
    public const string KeepInitContainers = "always";
    public const string RestartOnFailure = "OnFailure";
    public const string DefaultNamespace = "default";

    public PodManifest Adapt(PodManifest pod, PublishReport report)
    {
        if (pod.Workload is V1Deployment { Spec.Replicas: > 1 and var replicas })
        {
            report.Warnings.Add(
                $"Pod '{pod.Name}' asks for {replicas} replicas; podman runs one: a pod is played once on this machine, " +
                "and its host ports could not be published twice.");
        }

        var bare = BarePod(pod.Workload);
        // A container port number is one listener of the pod, whichever container declares it: the first Service port
        // that targets it is where podman publishes it, if the pod's NetworkPolicy admits anyone to it (a rule with no
        // peers); one it admits only some pods to is theirs alone, on podman's network.
        var admitted = (pod.NetworkPolicy?.Spec.Ingress ?? []).Where(rule => rule.FromProperty is null or { Count: 0 })
            .SelectMany(rule => rule.Ports).Select(p => int.Parse(p.Port.Value, CultureInfo.InvariantCulture)).ToHashSet();
        var hostPorts = pod.Services.SelectMany(s => s.Spec.Ports)
            .GroupBy(p => int.Parse(p.TargetPort.Value, CultureInfo.InvariantCulture))
            .Where(g => admitted.Contains(g.Key))
            .ToDictionary(g => g.Key, g => g.First().Port);
        foreach (var container in (bare.Spec.InitContainers ?? []).Concat(bare.Spec.Containers))
        {
            container.Ports = PublishedOnly(container.Ports, hostPorts);
            ResolveEnvironment(container, bare.Metadata.Name, bare.Metadata.NamespaceProperty ?? DefaultNamespace);
            container.LivenessProbe = HealthCheckWithoutCurl(WordsAsTheyAre(container.LivenessProbe));
        }

        var configMaps = OwnVolumes(pod.Name, bare.Spec, pod.ConfigMaps);
        if (bare.Spec.InitContainers is { Count: > 0 })
        {
            bare.Metadata.Annotations ??= new Dictionary<string, string>();
            bare.Metadata.Annotations[InitContainerTypeAnnotation] = KeepInitContainers;
        }

        // The claims' volumes are made by the deploy, labelled as the app's data (kube play would make them unlabelled).
        return pod with { Workload = bare, Services = [], NetworkPolicy = null, ConfigMaps = configMaps, Claims = [] };
    }

    /// <summary>
    /// An HTTP probe as a command that needs bash alone: a GET on the loopback with HTTP/1.0, passing on a 2xx or 3xx
    /// status line, as the kubelet's does. Podman 4.3 joins an exec probe's words with spaces and runs them with
    /// <c>/bin/sh -c</c>, so the command is one shell line. The readiness probe stays HTTP: the deploy makes its
    /// request from the host.
    /// </summary>
    public static V1Probe? HealthCheckWithoutCurl(V1Probe? probe)
    {
        if (probe?.HttpGet is not { } get)
        {
            return probe;
        }

        var request = $"GET {get.Path} HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n";
        var line = $"bash -c 'exec 3<>/dev/tcp/127.0.0.1/{get.Port.Value} && printf \"{request}\" >&3 && read -r status <&3 && [[ $status == HTTP/1.?\" \"[23]* ]]'";
        probe.Exec = new V1ExecAction { Command = [line] };
        probe.HttpGet = null;
        return probe;
    }

    /// <summary>The model's exec probe with each word quoted, so that podman's <c>/bin/sh -c</c> gives back the same words.</summary>
    public static V1Probe? WordsAsTheyAre(V1Probe? probe)
    {
        if (probe?.Exec is { Command: { } words })
        {
            probe.Exec.Command = [.. words.Select(ExternalCommand.Quote)];
        }

        return probe;
    }

    // As the kubelet does: each value expanded from the variables before it, then the command and arguments from them all.
    private static void ResolveEnvironment(V1Container container, string pod, string @namespace)
    {
        var values = new Dictionary<string, string>();
        foreach (var variable in container.Env ?? [])
        {
            switch (variable.ValueFrom?.FieldRef?.FieldPath)
            {
                case "metadata.name":
                    (variable.Value, variable.ValueFrom) = (pod, null);
                    break;
                case "metadata.namespace":
                    (variable.Value, variable.ValueFrom) = (@namespace, null);
                    break;
                default:
                    variable.Value = variable.Value is null ? null : VariableReferences.Expand(variable.Value, values.GetValueOrDefault);
                    break;
            }

            if (variable.Value is not null)
            {
                values[variable.Name] = variable.Value;
            }
        }

        container.Command = container.Command is null ? null : [.. container.Command.Select(c => VariableReferences.Expand(c, values.GetValueOrDefault))];
        container.Args = container.Args is null ? null : [.. container.Args.Select(a => VariableReferences.Expand(a, values.GetValueOrDefault))];
    }

    /// <summary>The name podman gives the volume it makes of one of the pod's emptyDir or ConfigMap volumes.</summary>
    public static string VolumeName(string pod, string volume) => $"{pod}-{volume}";

    // Podman makes each emptyDir volume a named volume, shared by every pod that names one alike, and each ConfigMap
    // volume one named after the ConfigMap and kept after the pod is gone: named after their pod, each pod's are its
    // own, and a deploy or destroy can remove them.
    private static List<V1ConfigMap> OwnVolumes(string pod, V1PodSpec spec, IReadOnlyList<V1ConfigMap> configMaps)
    {
        var renamed = (spec.Volumes ?? []).ToDictionary(v => v.Name, v => VolumeName(pod, v.Name));
        foreach (var volume in spec.Volumes ?? [])
        {
            volume.Name = renamed[volume.Name];
            if (volume.ConfigMap is { } configMap)
            {
                configMap.Name = VolumeName(pod, configMap.Name);
            }
        }

        foreach (var mount in (spec.InitContainers ?? []).Concat(spec.Containers).SelectMany(c => c.VolumeMounts ?? []))
        {
            mount.Name = renamed.GetValueOrDefault(mount.Name, mount.Name);
        }

        return [.. configMaps.Select(Copy).Select(c =>
        {
            c.Metadata.Name = VolumeName(pod, c.Metadata.Name);
            return c;
        })];
    }

    private static V1Pod BarePod(IKubernetesObject<V1ObjectMeta> workload) => workload switch
    {
        V1Pod pod => Copy(pod),
        // A serving pod: restarted only on failure, since podman would rerun its init containers under Always.
        V1Deployment deployment => PodOf(deployment.Metadata, Copy(deployment.Spec.Template), RestartOnFailure),
        // Podman 4.3 has no Jobs: the run-to-completion pod the Job would run, once (its template says Never).
        V1Job job => PodOf(job.Metadata, Copy(job.Spec.Template), restartPolicy: null),
        _ => throw new InvalidOperationException($"Unexpected workload {workload.Kind}."),
    };

    private static V1Pod PodOf(V1ObjectMeta workload, V1PodTemplateSpec template, string? restartPolicy)
    {
        template.Spec.RestartPolicy = restartPolicy ?? template.Spec.RestartPolicy;
        return new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta { Name = workload.Name, NamespaceProperty = workload.NamespaceProperty, Labels = template.Metadata.Labels },
            Spec = template.Spec,
        };
    }

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
