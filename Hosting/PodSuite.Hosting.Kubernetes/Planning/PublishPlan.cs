using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using PodSuite.Hosting.Kubernetes.Rendering;
using PodSuite.Hosting.Kubernetes.Telemetry;

namespace PodSuite.Hosting.Kubernetes.Planning;

/// <summary>
/// Everything rendering needs, decided at once: the pods, their ports and start order, each member's settings with
/// every value resolved for its pod, and which pods call which Service port. Made once per pipeline run
/// (<see cref="PublishPlans"/>); rendering reads it and changes nothing in it.
/// </summary>
internal sealed class PublishPlan
{
    private PublishPlan(
        KubernetesPublishOptions options, IReadOnlyList<PodPlan> pods, PortPlan ports, IReadOnlyDictionary<PodPlan, StartOrder> orders,
        IReadOnlyDictionary<IResource, MemberSettings> settings, Callers callers, IPodAddresses addresses)
    {
        (Options, Pods, Ports, Orders, Settings, Callers, Addresses) = (options, pods, ports, orders, settings, callers, addresses);
    }

    public KubernetesPublishOptions Options { get; }

    /// <summary>The pods, in model order.</summary>
    public IReadOnlyList<PodPlan> Pods { get; }

    public PortPlan Ports { get; }

    public IReadOnlyDictionary<PodPlan, StartOrder> Orders { get; }

    /// <summary>Each member's environment and arguments, resolved.</summary>
    public IReadOnlyDictionary<IResource, MemberSettings> Settings { get; }

    /// <summary>Which pods call each Service port: by reference or by waiting for it.</summary>
    public Callers Callers { get; }

    /// <summary>How the runtime addresses another pod.</summary>
    public IPodAddresses Addresses { get; }

    /// <summary>The pod's Service ports that are rendered: the external ones, and the internal ones another pod calls.</summary>
    public IEnumerable<ServicePortPlan> ServicePortsOf(PodPlan pod) =>
        Ports.ServicePortsOf(pod).Where(p => !p.Internal || Callers.Of(p).Count > 0);

    /// <summary>
    /// Plans the publish of <paramref name="pods"/>: the settings every object carries, their ports and start order, then every member's settings, in the
    /// order the pods are rendered. The errors of the pods, ports and start order stop the plan; those of the values are
    /// left in the report, to be thrown with rendering's, so that one publish names them all.
    /// </summary>
    public static async Task<PublishPlan> CreateAsync(
        IReadOnlyList<PodPlan> pods, KubernetesPublishOptions options, IPodAddresses addresses, PublishReport report,
        DistributedApplicationExecutionContext? executionContext = null, CancellationToken cancellationToken = default)
    {
        ObjectMetadata.Check(options, report);
        var ports = new PortPlan(pods, report);
        var orders = pods.ToDictionary(pod => pod, pod => StartOrder.Of(pod, ports, report));
        report.ThrowIfAnyError();

        var callers = new Callers();
        foreach (var (pod, order) in orders)
        {
            foreach (var wait in order.ServiceWaits)
            {
                callers.Add(wait, pod);
            }
        }

        var values = new ValueResolver(ports, addresses, callers, report);
        var context = executionContext ?? new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish);
        var dashboard = TelemetryEnvironment.DashboardAmong(pods.SelectMany(p => p.Members));
        var settings = new Dictionary<IResource, MemberSettings>();
        foreach (var order in orders.Values)
        {
            foreach (var member in order.InitSteps.Concat(order.AppContainers))
            {
                settings[member] = await MemberSettings.OfAsync(member, values, context, dashboard, AppSecretValue.SecretName(options), report, cancellationToken).ConfigureAwait(false);
            }
        }

        return new PublishPlan(options, pods, ports, orders, settings, callers, addresses);
    }
}
