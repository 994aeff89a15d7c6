using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using PodSuite.Hosting.Kubernetes.Validation;

namespace PodSuite.Hosting.Kubernetes.Planning;

/// <summary>
/// Where every endpoint listens inside its pod and how other pods reach it: the container ports (explicit target
/// ports, the rest from 8080 up without collisions), their names, the Services of external endpoints, and a ClusterIP
/// Service port for each internal endpoint, rendered only if another pod calls it.
/// </summary>
internal sealed class PortPlan
{
    public const int FirstAssignedPort = 8080;

    private readonly Dictionary<(IResource, string), int> _containerPorts = [];
    private readonly Dictionary<(IResource, string), string?> _containerPortNames = [];
    private readonly Dictionary<(IResource, string), ServicePortPlan> _servicePorts = [];
    private readonly Dictionary<IResource, PodPlan> _podOf = [];
    private readonly Dictionary<(IResource, string), string> _noServicePort = [];

    public PortPlan(IReadOnlyList<PodPlan> pods, PublishReport report)
    {
        foreach (var pod in pods)
        {
            var endpoints = pod.Members.SelectMany(m => m.Annotations.OfType<EndpointAnnotation>().Select(e => (Member: m, Endpoint: e))).ToList();
            var taken = endpoints.Where(e => e.Endpoint.TargetPort is not null).Select(e => e.Endpoint.TargetPort!.Value).ToHashSet();
            var next = FirstAssignedPort;
            foreach (var (member, endpoint) in endpoints)
            {
                _containerPortNames[(member, endpoint.Name)] = ContainerPortName(pod, member, endpoint, report);
                if (endpoint.TargetPort is { } explicitPort)
                {
                    _containerPorts[(member, endpoint.Name)] = explicitPort;
                    continue;
                }

                while (!taken.Add(next))
                {
                    next++;
                }

                _containerPorts[(member, endpoint.Name)] = next;
            }

            foreach (var member in pod.Members)
            {
                _podOf[member] = pod;
            }

            PlanServices(pod, endpoints.Where(e => e.Endpoint.IsExternal).ToList(), report);
            PlanInternalServices(pod, endpoints);
        }
    }

    public PodPlan PodOf(IResource resource) => _podOf[resource];

    public bool IsPublished(IResource resource) => _podOf.ContainsKey(resource);

    public int ContainerPort(IResource resource, string endpoint) => _containerPorts[(resource, endpoint)];

    /// <summary>The container port's name: the endpoint's, or <see langword="null"/> where Kubernetes would refuse it.</summary>
    public string? ContainerPortName(IResource resource, string endpoint) => _containerPortNames[(resource, endpoint)];

    public ServicePortPlan? ServicePort(IResource resource, string endpoint) => _servicePorts.GetValueOrDefault((resource, endpoint));

    /// <summary>Why an internal endpoint has no Service port (a name Kubernetes would refuse), with the fix.</summary>
    public string WhyNoServicePort(IResource resource, string endpoint) =>
        _noServicePort.GetValueOrDefault((resource, endpoint)) ?? $"'{resource.Name}' has no endpoint '{endpoint}'.";

    public IEnumerable<ServicePortPlan> ServicePortsOf(PodPlan pod) =>
        _servicePorts.Values.Where(s => s.Pod == pod).OrderBy(s => s.Order);

    /// <summary>The first HTTP endpoint's container port: where ServiceDefaults serve the health endpoints.</summary>
    public int? HttpPort(IResource member) =>
        member.Annotations.OfType<EndpointAnnotation>().Where(e => e.UriScheme == "http")
            .Select(e => (int?)ContainerPort(member, e.Name)).FirstOrDefault();

    /// <summary>The first endpoint's container port, whatever its protocol.</summary>
    public int? FirstPort(IResource member) =>
        member.Annotations.OfType<EndpointAnnotation>().Select(e => (int?)ContainerPort(member, e.Name)).FirstOrDefault();

    // A container port's name is optional: one Kubernetes would refuse is left out, and said so.
    private static string? ContainerPortName(PodPlan pod, IResource member, EndpointAnnotation endpoint, PublishReport report)
    {
        if (KubernetesRules.PortName.Check(endpoint.Name, $"its name '{endpoint.Name}'") is not { } problem)
        {
            return endpoint.Name;
        }

        report.Warnings.Add(
            $"The container port of endpoint '{endpoint.Name}' of '{member.Name}' in pod '{pod.Name}' is left unnamed: {problem} " +
            "Give the endpoint such a name to keep it.");
        return null;
    }

    private void PlanServices(PodPlan pod, List<(IResource Member, EndpointAnnotation Endpoint)> external, PublishReport report)
    {
        var types = EndpointServiceTypes(pod, report);
        var order = 0;
        foreach (var (member, endpoint) in external)
        {
            var unique = external.Count(e => e.Endpoint.Name == endpoint.Name) == 1;
            var portName = unique ? endpoint.Name : $"{member.Name}-{endpoint.Name}";
            if (KubernetesRules.Dns1123Label.Check(portName, $"Service port name '{portName}' of endpoint '{endpoint.Name}' of '{member.Name}' in pod '{pod.Name}'") is { } portProblem)
            {
                report.Errors.Add(
                    $"{portProblem} " + (unique
                        ? "Give the endpoint a shorter name."
                        : $"It is '<member>-<endpoint>' because another member of the pod has an endpoint '{endpoint.Name}' too: shorten the member's or the endpoint's name, or give one of them another name."));
            }

            var type = types.GetValueOrDefault((member, endpoint.Name), pod.Service.Type);
            var ownService = pod.Service.Ports == PodServicePorts.ServicePerPort || type != pod.Service.Type;
            var serviceName = ownService ? $"{pod.Name}-{portName}" : pod.Name;
            var service = ownService
                ? $"Service name '{serviceName}' of endpoint '{endpoint.Name}' of '{member.Name}' in pod '{pod.Name}'"
                : $"Service name '{serviceName}' of pod '{pod.Name}'";
            if (KubernetesRules.Dns1035Label.Check(serviceName, service) is { } serviceProblem)
            {
                report.Errors.Add(
                    $"{serviceProblem} " + (!ownService
                        ? $"It is the pod's name: rename pod '{pod.Name}'."
                        : type != pod.Service.Type
                            ? $"It is '<pod>-<port name>' (the endpoint has a Service type of its own, {nameof(PodPublishingExtensions.PublishEndpointAs)}): shorten pod '{pod.Name}' or port '{portName}'."
                            : $"It is '<pod>-<port name>' ({nameof(PodServicePorts.ServicePerPort)}): shorten pod '{pod.Name}' or port '{portName}', or use one Service for the pod ({nameof(PodServicePorts.OneService)})."));
            }

            var containerPort = _containerPorts[(member, endpoint.Name)];
            _servicePorts[(member, endpoint.Name)] = new ServicePortPlan(
                pod, member, endpoint, serviceName, type, portName, endpoint.Port ?? containerPort, containerPort, order++);
        }
    }

    // Each internal endpoint as a ClusterIP port: on the pod's Service when that is one ClusterIP Service, else on one of
    // its own. Planned for all, rendered for those another pod calls; a name Kubernetes would refuse leaves it without one,
    // which is an error only if another pod calls it.
    private void PlanInternalServices(PodPlan pod, List<(IResource Member, EndpointAnnotation Endpoint)> endpoints)
    {
        var order = _servicePorts.Values.Count(s => s.Pod == pod);
        foreach (var (member, endpoint) in endpoints.Where(e => !e.Endpoint.IsExternal))
        {
            var unique = endpoints.Count(e => e.Endpoint.Name == endpoint.Name) == 1;
            var portName = unique ? endpoint.Name : $"{member.Name}-{endpoint.Name}";
            var onPodService = pod.Service.Type == PodServiceType.ClusterIP && pod.Service.Ports == PodServicePorts.OneService;
            var serviceName = onPodService ? pod.Name : $"{pod.Name}-{portName}";
            var problem = KubernetesRules.Dns1123Label.Check(portName, $"Service port name '{portName}' of internal endpoint '{endpoint.Name}' of '{member.Name}' in pod '{pod.Name}'")
                ?? KubernetesRules.Dns1035Label.Check(serviceName, $"Service name '{serviceName}' of internal endpoint '{endpoint.Name}' of '{member.Name}' in pod '{pod.Name}'");
            if (problem is not null)
            {
                _noServicePort[(member, endpoint.Name)] = $"{problem} Another pod calls it, so it needs one: shorten the name of the endpoint, the member or the pod.";
                continue;
            }

            var containerPort = _containerPorts[(member, endpoint.Name)];
            _servicePorts[(member, endpoint.Name)] = new ServicePortPlan(
                pod, member, endpoint, serviceName, PodServiceType.ClusterIP, portName, endpoint.Port ?? containerPort, containerPort, order++, Internal: true);
        }
    }

    // The Service types chosen per endpoint; one for an endpoint that is not there, or has no Service, is an error.
    private static Dictionary<(IResource, string), PodServiceType> EndpointServiceTypes(PodPlan pod, PublishReport report)
    {
        var types = new Dictionary<(IResource, string), PodServiceType>();
        foreach (var member in pod.Members)
        {
            var endpoints = member.Annotations.OfType<EndpointAnnotation>().ToList();
            foreach (var choice in member.Annotations.OfType<EndpointServiceTypeAnnotation>())
            {
                var endpoint = endpoints.FirstOrDefault(e => e.Name == choice.EndpointName);
                if (endpoint is null)
                {
                    report.Errors.Add(
                        $"'{member.Name}' in pod '{pod.Name}' has no endpoint '{choice.EndpointName}' to publish as {choice.Type} " +
                        $"({nameof(PodPublishingExtensions.PublishEndpointAs)}); its endpoints: {(endpoints.Count > 0 ? string.Join(", ", endpoints.Select(e => $"'{e.Name}'")) : "none")}. Name one of them.");
                }
                else if (!endpoint.IsExternal)
                {
                    report.Errors.Add(
                        $"Endpoint '{endpoint.Name}' of '{member.Name}' in pod '{pod.Name}' is internal, so it has no Service to publish as {choice.Type} " +
                        $"({nameof(PodPublishingExtensions.PublishEndpointAs)}). Make it external ({nameof(ResourceBuilderExtensions.WithExternalHttpEndpoints)}) or remove the call.");
                }
                else
                {
                    types[(member, endpoint.Name)] = choice.Type;
                }
            }
        }

        return types;
    }
}
