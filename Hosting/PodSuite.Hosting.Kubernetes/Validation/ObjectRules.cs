using System.Globalization;
using k8s;
using k8s.Models;

namespace PodSuite.Hosting.Kubernetes.Validation;

/// <summary>
/// Checks whole Kubernetes objects against <see cref="KubernetesRules"/>, as the API server would: every name by its
/// object's kind, label values, port names (unique per container and Service), environment variable names and ConfigMap
/// keys. The publisher's last check before writing, and CI's check of <c>manifests/</c>.
/// </summary>
internal static class ObjectRules
{
    public static List<string> Check(IEnumerable<IKubernetesObject<V1ObjectMeta>> objects)
    {
        var problems = new List<string>();
        var list = objects.ToList();
        foreach (var item in list)
        {
            Check(item, problems);
        }

        // Two objects of one kind with one name in one namespace: one would overwrite the other.
        foreach (var clash in list.GroupBy(o => (o.Kind, o.Metadata?.NamespaceProperty, o.Metadata?.Name)).Where(g => g.Count() > 1))
        {
            problems.Add($"{clash.Key.Kind} '{clash.Key.Name}' is written {clash.Count()} times; each object needs its own name.");
        }

        return problems;
    }

    private static void Check(IKubernetesObject<V1ObjectMeta> item, List<string> problems)
    {
        var kind = item.Kind;
        var name = item.Metadata?.Name ?? "";
        void Add(string? problem)
        {
            if (problem is not null)
            {
                problems.Add($"{kind} '{name}': {problem}");
            }
        }

        Add((kind == "Service" ? KubernetesRules.Dns1035Label : KubernetesRules.Dns1123Subdomain).Check(name, $"the name '{name}'"));
        if (item.Metadata?.NamespaceProperty is { } ns)
        {
            Add(KubernetesRules.Dns1123Label.Check(ns, $"the namespace '{ns}'"));
        }

        foreach (var (key, value) in item.Metadata?.Labels ?? new Dictionary<string, string>())
        {
            Add(KubernetesRules.LabelValue.Check(value, $"the value '{value}' of label {key}"));
        }

        switch (item)
        {
            case V1Deployment deployment:
                CheckPodSpec(deployment.Spec.Template.Spec, Add);
                break;
            case V1Pod pod:
                CheckPodSpec(pod.Spec, Add);
                break;
            case V1Job job:
                CheckPodSpec(job.Spec.Template.Spec, Add);
                break;
            case V1Service service:
                CheckPorts((service.Spec.Ports ?? []).Select(p => ((string?)p.Name, p.Port)), "the Service", KubernetesRules.Dns1123Label, Add);
                break;
            case V1ConfigMap configMap:
                foreach (var key in (configMap.Data ?? new Dictionary<string, string>()).Keys)
                {
                    Add(KubernetesRules.ConfigMapKey.Check(key, $"the key '{key}'"));
                }

                break;
        }
    }

    private static void CheckPodSpec(V1PodSpec spec, Action<string?> add)
    {
        var containers = (spec.InitContainers ?? []).Concat(spec.Containers ?? []).ToList();
        foreach (var duplicate in containers.GroupBy(c => c.Name).Where(g => g.Count() > 1))
        {
            add($"container name '{duplicate.Key}' is used {duplicate.Count()} times; each container of a pod needs its own.");
        }

        var volumes = (spec.Volumes ?? []).Select(v => v.Name).ToList();
        foreach (var volume in volumes)
        {
            add(KubernetesRules.Dns1123Label.Check(volume, $"volume name '{volume}'"));
        }

        foreach (var duplicate in volumes.GroupBy(v => v).Where(g => g.Count() > 1))
        {
            add($"volume name '{duplicate.Key}' is used {duplicate.Count()} times; each volume of a pod needs its own.");
        }

        foreach (var container in containers)
        {
            add(KubernetesRules.Dns1123Label.Check(container.Name, $"container name '{container.Name}'"));
            CheckPorts((container.Ports ?? []).Select(p => ((string?)p.Name, p.ContainerPort)), $"container '{container.Name}'", KubernetesRules.PortName, add);
            foreach (var variable in container.Env ?? [])
            {
                add(KubernetesRules.EnvironmentVariableName.Check(variable.Name, $"environment variable '{variable.Name}' of container '{container.Name}'"));
            }

            foreach (var mount in (container.VolumeMounts ?? []).Where(m => !volumes.Contains(m.Name)))
            {
                add($"container '{container.Name}' mounts volume '{mount.Name}', which the pod does not have.");
            }

            foreach (var twice in (container.VolumeMounts ?? []).GroupBy(m => m.MountPath.TrimEnd('/')).Where(g => g.Count() > 1))
            {
                add($"container '{container.Name}' mounts {string.Join(" and ", twice.Select(m => $"'{m.Name}'"))} at one path, " +
                    $"'{twice.Key}'; give each its own directory.");
            }
        }
    }

    // A container's port names are IANA service names; a Service's are RFC 1123 labels, required once it has two ports.
    private static void CheckPorts(IEnumerable<(string? Name, int Number)> ports, string owner, KubernetesRule nameRule, Action<string?> add)
    {
        var list = ports.ToList();
        var namesRequired = nameRule == KubernetesRules.Dns1123Label && list.Count > 1;
        foreach (var (portName, number) in list)
        {
            if (portName is not null)
            {
                add(nameRule.Check(portName, $"port name '{portName}' of {owner}"));
            }
            else if (namesRequired)
            {
                add($"port {number.ToString(CultureInfo.InvariantCulture)} of {owner} has no name; a Service with several ports needs a name for each.");
            }

            if (number is < 1 or > 65535)
            {
                add($"port {number.ToString(CultureInfo.InvariantCulture)} of {owner} is not between 1 and 65535.");
            }
        }

        foreach (var duplicate in list.Where(p => p.Name is not null).GroupBy(p => p.Name).Where(g => g.Count() > 1))
        {
            add($"port name '{duplicate.Key}' is used {duplicate.Count()} times in {owner}; port names must be unique there.");
        }
    }
}
