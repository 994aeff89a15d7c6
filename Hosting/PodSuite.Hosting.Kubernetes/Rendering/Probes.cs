#pragma warning disable ASPIREPROBES001 // Aspire's probe annotations are experimental in 13.x.
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using k8s.Models;
using PodSuite.Hosting.Kubernetes.Planning;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>A container's probes.</summary>
/// <param name="Readiness">Whether it takes traffic.</param>
/// <param name="Liveness">Whether it must be restarted.</param>
/// <param name="Startup">Whether it has started, for a native sidecar that later containers wait for.</param>
internal sealed record Probes(V1Probe? Readiness, V1Probe? Liveness, V1Probe? Startup)
{
    /// <summary>ServiceDefaults' readiness endpoint (<c>MapDefaultEndpoints</c>).</summary>
    public const string ReadinessPath = "/health";

    /// <summary>ServiceDefaults' liveness endpoint.</summary>
    public const string LivenessPath = "/alive";

    private const int ReadinessPeriodSeconds = 5;
    private const int LivenessPeriodSeconds = 10;
    private const int StartupPeriodSeconds = 2;

    // A native sidecar gets a minute to start before Kubernetes restarts it.
    private const int StartupFailureThreshold = 30;

    private static readonly Probes s_none = new(null, null, null);

    /// <summary>
    /// The probes of a member's container in its role: those the app host declared with Aspire's <c>WithHttpProbe</c>;
    /// else a project's HTTP port is probed on ServiceDefaults' endpoints, an init step has none, and a native sidecar
    /// has a startup probe, on its HTTP port or else its first port.
    /// </summary>
    public static Probes For(IResource member, ContainerRole role, PortPlan ports, PublishReport report)
    {
        var declared = Declared(member, ports);
        var defaults = Defaults(member, role, ports, report);
        return new(
            declared.GetValueOrDefault(ProbeType.Readiness) ?? defaults.Readiness,
            declared.GetValueOrDefault(ProbeType.Liveness) ?? defaults.Liveness,
            declared.GetValueOrDefault(ProbeType.Startup) ?? defaults.Startup);
    }

    // The probes the app host declared with Aspire's WithHttpProbe, on the container port of the endpoint each names.
    private static Dictionary<ProbeType, V1Probe> Declared(IResource member, PortPlan ports) =>
        member.Annotations.OfType<EndpointProbeAnnotation>().GroupBy(p => p.Type).ToDictionary(g => g.Key, g =>
        {
            var probe = g.Last();
            return new V1Probe
            {
                HttpGet = new V1HTTPGetAction { Path = probe.Path, Port = ports.ContainerPort(member, probe.EndpointReference.EndpointName) },
                InitialDelaySeconds = Set(probe.InitialDelaySeconds),
                PeriodSeconds = Set(probe.PeriodSeconds),
                TimeoutSeconds = Set(probe.TimeoutSeconds),
                FailureThreshold = Set(probe.FailureThreshold),
                SuccessThreshold = Set(probe.SuccessThreshold),
            };
        });

    // An annotation made without a value holds 0, which Kubernetes refuses for all but the delay: its default then.
    private static int? Set(int? value) => value is > 0 ? value : null;

    private static Probes Defaults(IResource member, ContainerRole role, PortPlan ports, PublishReport report)
    {
        var httpPort = member is ProjectResource ? ports.HttpPort(member) : null;
        var command = member.Annotations.OfType<LivenessCommandAnnotation>().LastOrDefault()?.Command;
        return role switch
        {
            ContainerRole.InitStep => s_none,
            ContainerRole.App when command is not null => new(httpPort is { } port ? ReadinessProbe(port) : null, CommandProbe(command), null),
            ContainerRole.App when httpPort is { } port => new(ReadinessProbe(port), LivenessProbe(port), null),
            ContainerRole.App => s_none,
            ContainerRole.NativeSidecar => new(null, httpPort is { } port ? LivenessProbe(port) : null, StartupProbe(member, httpPort, ports, report)),
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
        };
    }

    private static V1Probe CommandProbe(IReadOnlyList<string> command) => new()
    {
        Exec = new V1ExecAction { Command = [.. command] },
        PeriodSeconds = LivenessPeriodSeconds,
    };

    private static V1Probe ReadinessProbe(int port) => Http(ReadinessPath, port, ReadinessPeriodSeconds);

    private static V1Probe LivenessProbe(int port) => Http(LivenessPath, port, LivenessPeriodSeconds);

    private static V1Probe? StartupProbe(IResource member, int? httpPort, PortPlan ports, PublishReport report)
    {
        if (httpPort is { } port)
        {
            return Http(ReadinessPath, port, StartupPeriodSeconds, StartupFailureThreshold);
        }

        if (ports.FirstPort(member) is { } tcpPort)
        {
            return new V1Probe { TcpSocket = new V1TCPSocketAction { Port = tcpPort }, PeriodSeconds = StartupPeriodSeconds, FailureThreshold = StartupFailureThreshold };
        }

        report.Errors.Add(
            $"'{member.Name}' is published as a native sidecar but has no endpoint to probe; give it one or drop " +
            $"{nameof(PodPublishingExtensions.PublishAsNativeSidecar)}.");
        return null;
    }

    private static V1Probe Http(string path, int port, int periodSeconds, int? failureThreshold = null) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = port },
        PeriodSeconds = periodSeconds,
        FailureThreshold = failureThreshold,
    };
}
