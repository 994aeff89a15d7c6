namespace PodSuite.Hosting.Kubernetes.Runtimes;

/// <summary>Where one container of a deployed pod stands.</summary>
/// <param name="Name">The container's name in the pod.</param>
/// <param name="State">Its state as the runtime says it (running, exited, created, ...).</param>
/// <param name="ExitCode">Its exit code, once exited.</param>
/// <param name="Restarts">How often it was restarted.</param>
/// <param name="Ready">Done as it should be: an init step or run-to-completion member exited 0, a server answering its readiness probe.</param>
/// <param name="Failed">Exited non-zero.</param>
internal sealed record DeployedContainerStatus(string Name, string State, int ExitCode, int Restarts, bool Ready, bool Failed);

/// <summary>Where one deployed pod stands.</summary>
/// <param name="Name">The pod's name.</param>
/// <param name="RunsToCompletion">Whether its containers run once, to completion.</param>
/// <param name="InitContainers">Its init containers.</param>
/// <param name="Containers">Its app containers.</param>
/// <param name="Urls">Where it is reached from this machine.</param>
internal sealed record DeployedPodStatus(
    string Name, bool RunsToCompletion, IReadOnlyList<DeployedContainerStatus> InitContainers, IReadOnlyList<DeployedContainerStatus> Containers, IReadOnlyList<string> Urls)
{
    public bool Ready => InitContainers.Concat(Containers).All(c => c.Ready);

    public DeployedContainerStatus? Failure => InitContainers.Concat(Containers).FirstOrDefault(c => c.Failed);

    public string State => Failure is not null ? "Failed" : !Ready ? "Starting" : RunsToCompletion ? "Completed" : "Running";

    /// <summary>The deploy's summary: one row per pod.</summary>
    public static string Table(IReadOnlyList<DeployedPodStatus> pods)
    {
        string[] header = ["pod", "containers ready", "state", "restarts", "URLs"];
        var rows = pods.Select(p => new[]
        {
            p.Name,
            $"{p.Containers.Count(c => c.Ready)}/{p.Containers.Count}",
            p.State,
            p.InitContainers.Concat(p.Containers).Sum(c => c.Restarts).ToString(System.Globalization.CultureInfo.InvariantCulture),
            p.Urls.Count > 0 ? string.Join(' ', p.Urls) : "-",
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Prepend(h.Length).Max()).ToArray();
        return string.Join('\n', rows.Prepend(header).Select(r => string.Join("  ", r.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd()));
    }
}
