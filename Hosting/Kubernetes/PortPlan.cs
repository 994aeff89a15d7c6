using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Kubernetes;

/// <summary>
/// Where every endpoint listens inside its pod and how other pods reach it: the container ports (explicit target
/// ports, the rest from 8080 up without collisions) and the Services of external endpoints.
/// </summary>
internal sealed partial class PortPlan
{
    public const int FirstAssignedPort = 8080;

    private readonly Dictionary<(IResource, string), int> _containerPorts = [];
    private readonly Dictionary<(IResource, string), ServicePortPlan> _servicePorts = [];
    private readonly Dictionary<IResource, PodPlan> _podOf = [];

    public PortPlan(IReadOnlyList<PodPlan> pods, List<string> errors)
    {
        foreach (var pod in pods)
        {
            var endpoints = pod.Members.SelectMany(m => m.Annotations.OfType<EndpointAnnotation>().Select(e => (Member: m, Endpoint: e))).ToList();
            var taken = endpoints.Where(e => e.Endpoint.TargetPort is not null).Select(e => e.Endpoint.TargetPort!.Value).ToHashSet();
            var next = FirstAssignedPort;
            foreach (var (member, endpoint) in endpoints)
            {
                _podOf[member] = pod;
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

            PlanServices(pod, endpoints.Where(e => e.Endpoint.IsExternal).ToList(), errors);
        }
    }

    public PodPlan PodOf(IResource resource) => _podOf[resource];

    public bool IsPublished(IResource resource) => _podOf.ContainsKey(resource);

    public int ContainerPort(IResource resource, string endpoint) => _containerPorts[(resource, endpoint)];

    public ServicePortPlan? ServicePort(IResource resource, string endpoint) => _servicePorts.GetValueOrDefault((resource, endpoint));

    public IEnumerable<ServicePortPlan> ServicePortsOf(PodPlan pod) =>
        _servicePorts.Values.Where(s => s.Pod == pod).OrderBy(s => s.Order);

    private void PlanServices(PodPlan pod, List<(IResource Member, EndpointAnnotation Endpoint)> external, List<string> errors)
    {
        var order = 0;
        foreach (var (member, endpoint) in external)
        {
            var unique = external.Count(e => e.Endpoint.Name == endpoint.Name) == 1;
            var portName = unique ? endpoint.Name : $"{member.Name}-{endpoint.Name}";
            if (!PortName().IsMatch(portName))
            {
                errors.Add(
                    $"Endpoint '{endpoint.Name}' of '{member.Name}' in pod '{pod.Name}' would be Service port '{portName}', which " +
                    "Kubernetes refuses (at most 15 lower-case letters, digits and '-', with a letter). Give the endpoint a shorter name.");
            }

            var serviceName = pod.Service.Ports == PodServicePorts.OneService ? pod.Name : $"{pod.Name}-{portName}";
            var containerPort = _containerPorts[(member, endpoint.Name)];
            _servicePorts[(member, endpoint.Name)] = new ServicePortPlan(
                pod, member, endpoint, serviceName, portName, endpoint.Port ?? containerPort, containerPort, order++);
        }
    }

    [GeneratedRegex("^(?=.{1,15}$)(?=.*[a-z])[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex PortName();
}

/// <summary>An external endpoint as a port of a Service.</summary>
internal sealed record ServicePortPlan(
    PodPlan Pod, IResource Member, EndpointAnnotation Endpoint, string ServiceName, string PortName, int Port, int ContainerPort, int Order);
