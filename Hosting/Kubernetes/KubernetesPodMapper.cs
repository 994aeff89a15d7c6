using System.Globalization;
using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using k8s;
using k8s.Models;

namespace Aspire.Hosting.Kubernetes;

/// <summary>
/// The Kubernetes mapping of the pod model: each pod becomes one Kubernetes pod holding all its members, with shared
/// volumes as emptyDirs, config files as ConfigMaps, completion waits as ordered init containers and external
/// endpoints as Services. A pure function of the app model: the same model gives the same objects.
/// </summary>
internal static partial class KubernetesPodMapper
{
    public const string NameLabel = "app.kubernetes.io/name";
    public const string ComponentLabel = "app.kubernetes.io/component";
    public const string PartOfLabel = "app.kubernetes.io/part-of";
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";

    /// <summary>The user of the .NET container images the SDK builds (APP_UID), stated so runAsNonRoot can be verified.</summary>
    public const long DotNetAppUser = 1654;

    public static async Task<IReadOnlyList<PodManifest>> MapAsync(
        DistributedApplicationModel model, KubernetesPublishOptions options, CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        var pods = PodPlan.From(model, errors);
        foreach (var name in pods.Select(p => p.Name).Concat(pods.SelectMany(p => p.Members).Select(m => m.Name)).Distinct())
        {
            if (!DnsLabel().IsMatch(name))
            {
                errors.Add($"'{name}' is not a valid Kubernetes name (lower-case letters, digits and '-', at most 63). Rename the resource.");
            }
        }

        var ports = new PortPlan(pods, errors);
        ThrowIfAny(errors);

        var context = new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish);
        var values = new ValueResolver(ports, options.Runtime);
        var manifests = new List<PodManifest>();
        foreach (var pod in pods)
        {
            try
            {
                manifests.Add(await MapPodAsync(pod, ports, values, options, PartOf(options), context, errors, cancellationToken).ConfigureAwait(false));
            }
            catch (DistributedApplicationException ex)
            {
                errors.Add(ex.Message);
            }
        }

        ThrowIfAny(errors);
        return manifests;
    }

    private static async Task<PodManifest> MapPodAsync(
        PodPlan pod, PortPlan ports, ValueResolver values, KubernetesPublishOptions options, string partOf,
        DistributedApplicationExecutionContext context, List<string> errors, CancellationToken cancellationToken)
    {
        var order = StartOrder.Of(pod, ports, errors);
        var configMaps = new List<V1ConfigMap>();
        var volumes = pod.Pod?.SharedVolumes
            .Where(v => pod.Members.Any(m => m.Annotations.OfType<SharedVolumeMountAnnotation>().Any(a => a.Volume == v)))
            .Select(v => new V1Volume { Name = v.Name, EmptyDir = new V1EmptyDirVolumeSource() })
            .ToList() ?? [];

        var initContainers = new List<V1Container>();
        foreach (var wait in order.ServiceWaits)
        {
            initContainers.Add(WaitForService(wait, options));
        }

        foreach (var member in order.InitSteps)
        {
            var container = await ContainerAsync(member, pod, ports, values, options, context, configMaps, volumes, cancellationToken).ConfigureAwait(false);
            if (order.NativeSidecars.Contains(member))
            {
                container.RestartPolicy = "Always";
                container.StartupProbe = StartupProbe(member, ports);
                container.ReadinessProbe = null;
            }
            else
            {
                container.ReadinessProbe = null;
                container.LivenessProbe = null;
            }

            initContainers.Add(container);
        }

        var containers = new List<V1Container>();
        foreach (var member in order.AppContainers)
        {
            containers.Add(await ContainerAsync(member, pod, ports, values, options, context, configMaps, volumes, cancellationToken).ConfigureAwait(false));
        }

        var labels = new Dictionary<string, string>
        {
            [NameLabel] = pod.Name,
            [PartOfLabel] = partOf,
        };
        var podLabels = new Dictionary<string, string>(labels)
        {
            [ComponentLabel] = order.AppContainers[0].Name,
            [ManagedByLabel] = "podsuite",
        };
        var spec = new V1PodSpec
        {
            AutomountServiceAccountToken = false,
            SecurityContext = new V1PodSecurityContext
            {
                RunAsNonRoot = true,
                SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
            },
            InitContainers = initContainers.Count > 0 ? initContainers : null,
            Containers = containers,
            Volumes = volumes.Count > 0 ? volumes : null,
        };

        // Podman 4.3 races removing "once" init containers while they still run; "always" keeps them until the pod goes.
        var annotations = options.Runtime == PodRuntime.Podman && initContainers.Count > 0
            ? new Dictionary<string, string> { ["io.podman.annotations.init.container.type"] = "always" }
            : null;
        IKubernetesObject<V1ObjectMeta> workload;
        if (order.RunsToCompletion || options.Runtime == PodRuntime.Podman)
        {
            // Podman 4.3 applies the pod's restart policy to init containers too, so under Always it reruns them
            // forever: a serving pod runs there as a bare pod restarted only on failure.
            spec.RestartPolicy = order.RunsToCompletion ? "Never" : "OnFailure";
            workload = new V1Pod
            {
                ApiVersion = "v1",
                Kind = "Pod",
                Metadata = new V1ObjectMeta { Name = pod.Name, Labels = podLabels, Annotations = annotations },
                Spec = spec,
            };
        }
        else
        {
            workload = new V1Deployment
            {
                ApiVersion = "apps/v1",
                Kind = "Deployment",
                Metadata = new V1ObjectMeta { Name = pod.Name, Labels = podLabels },
                Spec = new V1DeploymentSpec
                {
                    Replicas = 1,
                    Selector = new V1LabelSelector { MatchLabels = labels },
                    Template = new V1PodTemplateSpec { Metadata = new V1ObjectMeta { Labels = podLabels }, Spec = spec },
                },
            };
        }

        var services = options.Runtime == PodRuntime.Podman ? [] : Services(pod, ports, labels, podLabels);
        return new PodManifest(pod.Name, workload, services, configMaps);
    }

    private static async Task<V1Container> ContainerAsync(
        IResource member, PodPlan pod, PortPlan ports, ValueResolver values, KubernetesPublishOptions options,
        DistributedApplicationExecutionContext context, List<V1ConfigMap> configMaps, List<V1Volume> volumes,
        CancellationToken cancellationToken)
    {
        var endpoints = member.Annotations.OfType<EndpointAnnotation>().ToList();
        var env = await EnvironmentAsync(member, values, context, cancellationToken).ConfigureAwait(false);
        var args = await ArgumentsAsync(member, values, context, cancellationToken).ConfigureAwait(false);
        var resources = member.Annotations.OfType<ContainerResourcesAnnotation>().LastOrDefault()?.Resources ?? ContainerResources.Default;
        var mounts = member.Annotations.OfType<SharedVolumeMountAnnotation>()
            .Select(m => new V1VolumeMount { Name = m.Volume.Name, MountPath = m.MountPath })
            .Concat(ConfigFileMounts(member, pod, configMaps, volumes))
            .ToList();

        var container = new V1Container
        {
            Name = member.Name,
            Image = Image(member, options),
            ImagePullPolicy = "IfNotPresent",
            Args = args.Count > 0 ? args : null,
            Env = env.Count > 0 ? env : null,
            Ports = ContainerPorts(member, endpoints, ports, options.Runtime),
            VolumeMounts = mounts.Count > 0 ? mounts : null,
            Resources = new V1ResourceRequirements
            {
                Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new(resources.CpuRequest), ["memory"] = new(resources.MemoryRequest) },
                Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new(resources.CpuLimit), ["memory"] = new(resources.MemoryLimit) },
            },
            SecurityContext = new V1SecurityContext
            {
                AllowPrivilegeEscalation = false,
                Capabilities = new V1Capabilities { Drop = ["ALL"] },
                RunAsUser = member is ProjectResource ? DotNetAppUser : null,
            },
        };

        // ServiceDefaults map /health (ready) and /alive (live) on a project's HTTP port.
        if (member is ProjectResource && HttpPort(member, ports) is { } httpPort)
        {
            container.ReadinessProbe = HttpProbe("/health", httpPort, periodSeconds: 5);
            container.LivenessProbe = HttpProbe("/alive", httpPort, periodSeconds: 10);
        }

        return container;
    }

    private static List<V1ContainerPort>? ContainerPorts(IResource member, List<EndpointAnnotation> endpoints, PortPlan ports, PodRuntime runtime)
    {
        var declared = new List<V1ContainerPort>();
        foreach (var endpoint in endpoints)
        {
            var service = ports.ServicePort(member, endpoint.Name);
            // Podman 4.3 publishes every declared port on the host: declare only the external ones, at the Service port.
            if (runtime == PodRuntime.Podman && service is null)
            {
                continue;
            }

            declared.Add(new V1ContainerPort
            {
                Name = endpoint.Name.Length <= 15 ? endpoint.Name : null,
                ContainerPort = ports.ContainerPort(member, endpoint.Name),
                HostPort = runtime == PodRuntime.Podman ? service!.Port : null,
                Protocol = "TCP",
            });
        }

        return declared.Count > 0 ? declared : null;
    }

    private static async Task<List<V1EnvVar>> EnvironmentAsync(
        IResource member, ValueResolver values, DistributedApplicationExecutionContext context, CancellationToken cancellationToken)
    {
        var raw = new Dictionary<string, object>();
        var callbackContext = new EnvironmentCallbackContext(context, member, raw, cancellationToken);
        foreach (var callback in member.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(callbackContext).ConfigureAwait(false);
        }

        var env = new List<V1EnvVar>();
        foreach (var (name, value) in raw)
        {
            env.Add(new V1EnvVar { Name = name, Value = await values.ResolveAsync(value, member, name, cancellationToken).ConfigureAwait(false) });
        }

        // Aspire sets HTTP_PORTS; the .NET base images set ASPNETCORE_HTTP_PORTS=8080, so give both the assigned ports.
        if (env.Find(e => e.Name == "HTTP_PORTS") is { } httpPorts && env.TrueForAll(e => e.Name != "ASPNETCORE_HTTP_PORTS"))
        {
            env.Add(new V1EnvVar { Name = "ASPNETCORE_HTTP_PORTS", Value = httpPorts.Value });
        }

        return env;
    }

    private static async Task<List<string>> ArgumentsAsync(
        IResource member, ValueResolver values, DistributedApplicationExecutionContext context, CancellationToken cancellationToken)
    {
        var raw = new List<object>();
        var callbackContext = new CommandLineArgsCallbackContext(raw, member, cancellationToken) { ExecutionContext = context };
        foreach (var callback in member.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
        {
            await callback.Callback(callbackContext).ConfigureAwait(false);
        }

        var args = new List<string>();
        foreach (var value in raw)
        {
            args.Add(await values.ResolveAsync(value, member, "arguments", cancellationToken).ConfigureAwait(false));
        }

        return args;
    }

    private static IEnumerable<V1VolumeMount> ConfigFileMounts(IResource member, PodPlan pod, List<V1ConfigMap> configMaps, List<V1Volume> volumes)
    {
        foreach (var directory in member.Annotations.OfType<ConfigFileAnnotation>().GroupBy(f => f.MountDirectory.TrimEnd('/')))
        {
            var name = $"{member.Name}-{Slug(directory.Key)}";
            configMaps.Add(new V1ConfigMap
            {
                ApiVersion = "v1",
                Kind = "ConfigMap",
                Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { [NameLabel] = pod.Name } },
                Data = directory.ToDictionary(f => f.FileName, f => File.ReadAllText(f.SourcePath)),
            });
            volumes.Add(new V1Volume { Name = name, ConfigMap = new V1ConfigMapVolumeSource { Name = name } });
            yield return new V1VolumeMount { Name = name, MountPath = directory.Key, ReadOnlyProperty = true };
        }
    }

    private static List<V1Service> Services(PodPlan pod, PortPlan ports, Dictionary<string, string> selector, Dictionary<string, string> labels)
    {
        var type = pod.Service.Type.ToString();
        return [.. ports.ServicePortsOf(pod)
            .GroupBy(p => p.ServiceName)
            .Select(service => new V1Service
            {
                ApiVersion = "v1",
                Kind = "Service",
                Metadata = new V1ObjectMeta { Name = service.Key, Labels = labels },
                Spec = new V1ServiceSpec
                {
                    Type = type,
                    Selector = selector,
                    Ports = [.. service.Select(p => new V1ServicePort { Name = p.PortName, Port = p.Port, TargetPort = p.ContainerPort, Protocol = "TCP" })],
                },
            })];
    }

    private static V1Container WaitForService(ServicePortPlan service, KubernetesPublishOptions options)
    {
        var target = $"{service.ServiceName} {service.Port.ToString(CultureInfo.InvariantCulture)}";
        return new V1Container
        {
            Name = $"wait-for-{service.Member.Name}",
            Image = options.WaitImage,
            ImagePullPolicy = "IfNotPresent",
            Command = ["sh", "-c", $"until nc -z -w 2 {target}; do echo waiting for {service.Member.Name} at {target}; sleep 2; done"],
            Resources = new V1ResourceRequirements
            {
                Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("10m"), ["memory"] = new("16Mi") },
                Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m"), ["memory"] = new("32Mi") },
            },
            SecurityContext = new V1SecurityContext
            {
                AllowPrivilegeEscalation = false,
                Capabilities = new V1Capabilities { Drop = ["ALL"] },
                RunAsUser = 65534,
            },
        };
    }

    private static V1Probe StartupProbe(IResource member, PortPlan ports)
    {
        if (member is ProjectResource && HttpPort(member, ports) is { } httpPort)
        {
            return HttpProbe("/health", httpPort, periodSeconds: 2, failureThreshold: 30);
        }

        var port = member.Annotations.OfType<EndpointAnnotation>().Select(e => (int?)ports.ContainerPort(member, e.Name)).FirstOrDefault()
            ?? throw new DistributedApplicationException(
                $"'{member.Name}' is published as a native sidecar but has no endpoint to probe; give it one or drop PublishAsNativeSidecar.");
        return new V1Probe { TcpSocket = new V1TCPSocketAction { Port = port }, PeriodSeconds = 2, FailureThreshold = 30 };
    }

    private static V1Probe HttpProbe(string path, int port, int periodSeconds, int? failureThreshold = null) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = port },
        PeriodSeconds = periodSeconds,
        FailureThreshold = failureThreshold,
    };

    private static int? HttpPort(IResource member, PortPlan ports) =>
        member.Annotations.OfType<EndpointAnnotation>().Where(e => e.UriScheme == "http")
            .Select(e => (int?)ports.ContainerPort(member, e.Name)).FirstOrDefault();

    private static string Image(IResource member, KubernetesPublishOptions options) => member switch
    {
        ProjectResource project => $"{options.Registry.TrimEnd('/')}/{Repository(project)}:{options.ImageTag}",
        ContainerResource container when container.TryGetContainerImageName(out var image) => image,
        _ => throw new DistributedApplicationException($"'{member.Name}' has no container image to publish."),
    };

    /// <summary>The repository of a project's image: its project file name, lower-cased, as the SDK container build names it.</summary>
    public static string Repository(ProjectResource project) =>
        Path.GetFileNameWithoutExtension(project.Annotations.OfType<IProjectMetadata>().Single().ProjectPath).ToLowerInvariant();

    private static string PartOf(KubernetesPublishOptions options) => Slug(options.PartOf ?? "aspire");

    /// <summary>Lower-case letters, digits and '-' only, as Kubernetes names and label values allow.</summary>
    public static string Slug(string text) => NotNameCharacters().Replace(text.ToLowerInvariant(), "-").Trim('-');

    private static void ThrowIfAny(List<string> errors)
    {
        if (errors.Count > 0)
        {
            throw new DistributedApplicationException(
                $"The pods cannot be published to Kubernetes:{Environment.NewLine}- " + string.Join($"{Environment.NewLine}- ", errors.Distinct()));
        }
    }

    [GeneratedRegex("^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotNameCharacters();
}
