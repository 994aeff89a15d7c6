using Aspire.Hosting.ApplicationModel;

namespace PodSuite.Hosting.Kubernetes.Planning;

/// <summary>
/// Which pods connect to a Service port of another pod: those whose members were given its address (a reference) and
/// those that wait for it. Filled while the pods are planned and rendered; read when their NetworkPolicies are.
/// </summary>
internal sealed class Callers
{
    private readonly Dictionary<(IResource Member, string Endpoint), List<PodPlan>> _callers = [];

    public void Add(ServicePortPlan service, PodPlan caller)
    {
        var key = (service.Member, service.Endpoint.Name);
        if (!_callers.TryGetValue(key, out var pods))
        {
            _callers[key] = pods = [];
        }

        if (!pods.Contains(caller))
        {
            pods.Add(caller);
        }
    }

    /// <summary>The calling pods, in the order they were first seen.</summary>
    public IReadOnlyList<PodPlan> Of(ServicePortPlan service) =>
        _callers.GetValueOrDefault((service.Member, service.Endpoint.Name)) ?? [];
}
