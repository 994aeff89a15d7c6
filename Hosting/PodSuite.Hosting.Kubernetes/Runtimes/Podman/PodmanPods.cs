using System.Globalization;
using System.Text.Json;
using k8s.Models;
using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Runtimes.Podman;

/// <summary>
/// What podman says of the pods a deploy played: each container's state, and readiness checked as the kubelet would:
/// the readiness probe's request made here, at the pod's address on podman's network, and the liveness probe run as
/// podman's health check.
/// </summary>
/// <param name="http">Makes the readiness probes' requests.</param>
/// <param name="podman">The podman program.</param>
internal sealed class PodmanPods(HttpClient http, string podman = "podman")
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(1);

    public async Task<DeployedPodStatus> StatusAsync(PodManifest pod, CancellationToken cancellationToken)
    {
        var spec = pod.PodSpec;
        var runsToCompletion = spec.RestartPolicy == "Never";
        var names = (spec.InitContainers ?? []).Concat(spec.Containers).Select(c => ContainerName(pod, c.Name)).ToList();
        var (exitCode, _, output) = await ExternalCommand.Of(podman, ["inspect", .. names]).RunAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
        var inspected = exitCode == 0 ? Parse(output) : [];
        var address = await AddressAsync(pod.Name, cancellationToken).ConfigureAwait(false);

        var initContainers = new List<DeployedContainerStatus>();
        foreach (var container in spec.InitContainers ?? [])
        {
            initContainers.Add(Status(container, inspected.GetValueOrDefault(ContainerName(pod, container.Name)), mustComplete: true, ready: false));
        }

        var containers = new List<DeployedContainerStatus>();
        foreach (var container in spec.Containers)
        {
            var state = inspected.GetValueOrDefault(ContainerName(pod, container.Name));
            var ready = !runsToCompletion && state?.Status == "running"
                && await AnswersReadinessAsync(container, address, cancellationToken).ConfigureAwait(false)
                && await PassesHealthCheckAsync(pod, container, cancellationToken).ConfigureAwait(false);
            containers.Add(Status(container, state, runsToCompletion, ready));
        }

        var urls = spec.Containers.SelectMany(c => c.Ports ?? []).Where(p => p.HostPort is not null)
            .Select(p => $"http://localhost:{p.HostPort!.Value.ToString(CultureInfo.InvariantCulture)}").ToList();
        return new DeployedPodStatus(pod.Name, runsToCompletion, initContainers, containers, urls);
    }

    /// <summary>
    /// The container's last log lines. Podman's own warnings (here "failed to connect to syslog") go to the same standard
    /// error as the container's: they are turned off, so the lines are the container's alone.
    /// </summary>
    public async Task<string> LogTailAsync(string podName, string container, int lines, CancellationToken cancellationToken)
    {
        var (_, output, _) = await ExternalCommand.Of(podman, "--log-level=error", "logs", "--tail", lines.ToString(CultureInfo.InvariantCulture), ContainerName(podName, container))
            .RunAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
        return output;
    }

    /// <summary>Every pod podman holds, by name, with its labels: one command for all.</summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> PodsAsync(CancellationToken cancellationToken) =>
        ListAsync(["pod", "ps", "--format", "json"], cancellationToken);

    /// <summary>Every volume podman holds, by name, with its labels: one command for all.</summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> VolumesAsync(CancellationToken cancellationToken) =>
        ListAsync(["volume", "ls", "--format", "json"], cancellationToken);

    private async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> ListAsync(string[] list, CancellationToken cancellationToken)
    {
        var output = await ExternalCommand.Of(podman, list).RunCheckedAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(output.Trim().Length == 0 ? "[]" : output);
        return document.RootElement.EnumerateArray().ToDictionary(
            item => item.GetProperty("Name").GetString()!,
            item => (IReadOnlyDictionary<string, string>)(item.TryGetProperty("Labels", out var labels) && labels.ValueKind == JsonValueKind.Object
                ? labels.EnumerateObject().ToDictionary(l => l.Name, l => l.Value.GetString() ?? "")
                : []));
    }

    /// <summary>A podman command.</summary>
    public ExternalCommand Command(params string[] arguments) => new(podman, arguments);

    /// <summary>Podman names a played pod's container <c>&lt;pod&gt;-&lt;container&gt;</c>.</summary>
    public static string ContainerName(string podName, string container) => $"{podName}-{container}";

    private static string ContainerName(PodManifest pod, string container) => ContainerName(pod.Name, container);

    private static DeployedContainerStatus Status(V1Container container, InspectedContainer? state, bool mustComplete, bool ready)
    {
        if (state is null)
        {
            return new DeployedContainerStatus(container.Name, "not created", 0, 0, Ready: false, Failed: false);
        }

        var exited = state.Status == "exited";
        var failed = exited && state.ExitCode != 0;
        return new DeployedContainerStatus(container.Name, state.Status, state.ExitCode, state.Restarts,
            Ready: mustComplete ? exited && state.ExitCode == 0 : ready, Failed: failed);
    }

    // Podman schedules health checks with systemd timers; without systemd (as here) nothing runs them, and a container
    // shows "(starting)" for ever. Run here, the liveness check is run for real, and podman records its result.
    private async Task<bool> PassesHealthCheckAsync(PodManifest pod, V1Container container, CancellationToken cancellationToken)
    {
        if (container.LivenessProbe is null)
        {
            return true;
        }

        var (exitCode, _, _) = await ExternalCommand.Of(podman, "healthcheck", "run", ContainerName(pod, container.Name))
            .RunAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
        return exitCode == 0;
    }

    private async Task<bool> AnswersReadinessAsync(V1Container container, string? address, CancellationToken cancellationToken)
    {
        if (container.ReadinessProbe?.HttpGet is not { } probe)
        {
            return true;
        }

        if (address is null)
        {
            return false;
        }

        try
        {
            using var response = await http.GetAsync($"http://{address}:{probe.Port.Value}{probe.Path}", cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The pod's address on podman's network: its infra container's.</summary>
    public async Task<string?> AddressAsync(string podName, CancellationToken cancellationToken)
    {
        var (exitCode, _, infra) = await ExternalCommand.Of(podman, "pod", "inspect", podName, "--format", "{{.InfraContainerID}}")
            .RunAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
        if (exitCode != 0 || LastLine(infra) is not { Length: > 0 } id)
        {
            return null;
        }

        var (inspected, _, output) = await ExternalCommand.Of(podman, "inspect", id, "--format", "{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}")
            .RunAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
        return inspected == 0 ? LastLine(output)?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() : null;
    }

    private static string? LastLine(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).LastOrDefault();

    private static Dictionary<string, InspectedContainer> Parse(string output)
    {
        using var document = JsonDocument.Parse(output);
        return document.RootElement.EnumerateArray().ToDictionary(
            c => c.GetProperty("Name").GetString()!,
            c => new InspectedContainer(
                c.GetProperty("State").GetProperty("Status").GetString()!,
                c.GetProperty("State").GetProperty("ExitCode").GetInt32(),
                c.GetProperty("RestartCount").GetInt32()));
    }

    private sealed record InspectedContainer(string Status, int ExitCode, int Restarts);
}
