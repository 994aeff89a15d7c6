using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting;
using k8s;
using Microsoft.Extensions.Logging;
using PodSuite.Hosting.Kubernetes.Building;
using PodSuite.Hosting.Kubernetes.Rendering;
using PodSuite.Hosting.Kubernetes.Telemetry;

namespace PodSuite.Hosting.Kubernetes.Runtimes.Podman;

/// <summary>
/// Deploys the podman-adapted pods with <c>podman kube play --replace</c>, one pod at a time. Each played pod carries a
/// label with the hash of its objects, so a pod that runs what the model says already is left alone: an unchanged
/// redeploy restarts nothing. Then it waits until every pod is ready, and prints a table; or fails naming what is not.
/// Destroy removes the pods of this app (by PodSuite's labels) and nothing else.
/// </summary>
internal sealed partial class PodmanDeployment(KubernetesPublishOptions options, PodmanPods pods, ILogger logger, Func<string> workDirectory) : IPodDeployment
{
    public const string SpecLabel = "podsuite.io/spec";
    private const int LogLines = 15;
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public async Task DeployAsync(IReadOnlyList<PodManifest> manifests, CancellationToken cancellationToken)
    {
        var work = workDirectory();
        Directory.CreateDirectory(work);
        var login = new PodmanLoginSecret(pods, options);
        if (DashboardLogin.IsReferred(manifests) && await login.EnsureAsync(cancellationToken).ConfigureAwait(false))
        {
            DashboardLogin.LogCreated(logger);
        }

        foreach (var pod in manifests)
        {
            var spec = SpecOf(pod);
            var running = await pods.LabelAsync(pod.Name, SpecLabel, cancellationToken).ConfigureAwait(false);
            if (running == spec)
            {
                LogUnchanged(logger, pod.Name);
                continue;
            }

            if (running is not null)
            {
                // Its volumes go with it, as a Kubernetes pod's emptyDirs do: the new pod starts with empty ones.
                await RemoveAsync(pod, cancellationToken).ConfigureAwait(false);
            }

            pod.Workload.Metadata.Labels[SpecLabel] = spec;
            var file = Path.Combine(work, $"{pod.Name}.yaml");
            await File.WriteAllTextAsync(file, KubernetesYaml.SerializeAll(pod.Objects), cancellationToken).ConfigureAwait(false);
            // Podman runs a pod's init containers before play returns: a stuck one holds it, so the deploy's timeout bounds it.
            var (exitCode, output) = await PlayAsync(pod, file, cancellationToken).ConfigureAwait(false);
            if (exitCode != 0)
            {
                throw new DistributedApplicationException(
                    $"The deploy failed: podman could not play pod '{pod.Name}' (exit code {exitCode}):\n{ExternalCommand.Tail(output, LogLines)}");
            }

            LogPlayed(logger, pod.Name, running is null ? "started" : "replaced (its spec changed)");
        }

        var ready = await WaitAsync(manifests, cancellationToken).ConfigureAwait(false);
        LogReady(logger, DeployedPodStatus.Table(ready));
        if (DashboardLogin.DashboardPod(manifests) is { } dashboard)
        {
            DashboardLogin.LogWayIn(logger, await DashboardUrlAsync(dashboard, login, cancellationToken).ConfigureAwait(false));
        }
    }

    // Its web UI on the host when its Service type publishes it there, else at the pod's own address.
    private async Task<string> DashboardUrlAsync(PodManifest dashboard, PodmanLoginSecret login, CancellationToken cancellationToken)
    {
        var frontend = options.Dashboard.FrontendPort;
        var hostPort = dashboard.PodSpec.Containers.SelectMany(c => c.Ports ?? []).FirstOrDefault(p => p.ContainerPort == frontend)?.HostPort;
        var host = hostPort is null ? await pods.AddressAsync(dashboard.Name, cancellationToken).ConfigureAwait(false) ?? "localhost" : "localhost";
        var token = DashboardLogin.IsReferred([dashboard]) ? await login.BrowserTokenAsync(cancellationToken).ConfigureAwait(false) : null;
        return DashboardLogin.Url(host, hostPort ?? frontend, token);
    }

    /// <summary>
    /// Removes every pod of this app that PodSuite played (found by its labels, whatever the model holds now), and the
    /// volumes podman made for the model's pods.
    /// </summary>
    public async Task DestroyAsync(IReadOnlyList<PodManifest> manifests, CancellationToken cancellationToken)
    {
        var listed = await pods.Command("pod", "ps", "--filter", $"label={ObjectMetadata.ManagedByLabel}={ObjectMetadata.ManagedBy}",
                "--format", $"{{{{.Name}}}} {{{{index .Labels \"{ObjectMetadata.PartOfLabel}\"}}}}")
            .RunCheckedAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
        var ours = listed.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 2))
            .Where(parts => parts.Length == 2 && parts[1].Trim() == ObjectMetadata.PartOf(options))
            .Select(parts => parts[0])
            .ToList();
        foreach (var pod in ours)
        {
            await RemovePodAsync(pod, cancellationToken).ConfigureAwait(false);
            LogRemoved(logger, pod);
        }

        foreach (var pod in manifests)
        {
            await RemoveVolumesAsync(pod, cancellationToken).ConfigureAwait(false);
        }

        if (await new PodmanLoginSecret(pods, options).RemoveAsync(cancellationToken).ConfigureAwait(false))
        {
            DashboardLogin.LogRemoved(logger);
        }

        LogDestroyed(logger, ours.Count, ObjectMetadata.PartOf(options));
    }

    private async Task RemoveAsync(PodManifest pod, CancellationToken cancellationToken)
    {
        await RemovePodAsync(pod.Name, cancellationToken).ConfigureAwait(false);
        await RemoveVolumesAsync(pod, cancellationToken).ConfigureAwait(false);
    }

    private Task RemovePodAsync(string pod, CancellationToken cancellationToken) =>
        pods.Command("pod", "rm", "--force", "--time", "5", pod).RunCheckedAsync(CommandTimeout, cancellationToken);

    // The volumes podman made of the pod's emptyDirs and ConfigMaps (the adapter names them after the pod).
    private async Task RemoveVolumesAsync(PodManifest pod, CancellationToken cancellationToken)
    {
        foreach (var volume in (pod.PodSpec.Volumes ?? []).Select(v => v.ConfigMap?.Name ?? v.Name))
        {
            var (exists, _, _) = await pods.Command("volume", "exists", volume).RunAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
            if (exists == 0)
            {
                await pods.Command("volume", "rm", volume).RunCheckedAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The play of one pod's file; a registry on this machine is plain HTTP.</summary>
    public ExternalCommand Play(string file) => ImageRegistry.SchemeOf(options.Registry) == "http"
        ? pods.Command("kube", "play", "--replace", "--quiet", "--tls-verify=false", file)
        : pods.Command("kube", "play", "--replace", "--quiet", file);

    private async Task<(int ExitCode, string Output)> PlayAsync(PodManifest pod, string file, CancellationToken cancellationToken)
    {
        try
        {
            var (exitCode, output, _) = await Play(file).RunAsync(options.DeployTimeout, cancellationToken).ConfigureAwait(false);
            return (exitCode, output);
        }
        catch (DistributedApplicationException) when (!cancellationToken.IsCancellationRequested)
        {
            var status = await pods.StatusAsync(pod, cancellationToken).ConfigureAwait(false);
            var stuck = status.InitContainers.Concat(status.Containers).FirstOrDefault(c => !c.Ready) ?? status.Containers[0];
            throw await NotReadyAsync([status], status, stuck,
                $"was not ready within {options.DeployTimeout.TotalSeconds:0} s (state: {stuck.State}), while podman still played the pod", cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<DeployedPodStatus>> WaitAsync(IReadOnlyList<PodManifest> manifests, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.DeployTimeout);
        var statuses = new List<DeployedPodStatus>();
        while (true)
        {
            statuses.Clear();
            foreach (var pod in manifests)
            {
                statuses.Add(await pods.StatusAsync(pod, cancellationToken).ConfigureAwait(false));
            }

            if (statuses.FirstOrDefault(s => s.Failure is not null) is { } failed)
            {
                throw await NotReadyAsync(statuses, failed, failed.Failure!, $"exited with code {failed.Failure!.ExitCode}", cancellationToken).ConfigureAwait(false);
            }

            if (statuses.TrueForAll(s => s.Ready))
            {
                return statuses;
            }

            try
            {
                await Task.Delay(PollInterval, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                var late = statuses.First(s => !s.Ready);
                var container = late.InitContainers.Concat(late.Containers).First(c => !c.Ready);
                throw await NotReadyAsync(statuses, late, container, $"was not ready within {options.DeployTimeout.TotalSeconds:0} s (state: {container.State})", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<DistributedApplicationException> NotReadyAsync(
        IReadOnlyList<DeployedPodStatus> statuses, DeployedPodStatus pod, DeployedContainerStatus container, string what, CancellationToken cancellationToken)
    {
        var log = await pods.LogTailAsync(pod.Name, container.Name, LogLines, cancellationToken).ConfigureAwait(false);
        return new DistributedApplicationException(
            $"The deploy failed: container '{container.Name}' of pod '{pod.Name}' {what}. Its last log lines:\n{log.TrimEnd()}\n" +
            $"Where every pod stands:\n{DeployedPodStatus.Table(statuses)}");
    }

    // The hash of what podman is given for the pod: equal hashes, equal pods.
    private static string SpecOf(PodManifest pod) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(KubernetesYaml.SerializeAll(pod.Objects))))[..16];

    [LoggerMessage(Level = LogLevel.Information, Message = "Pod {Pod}: unchanged, left as it is")]
    private static partial void LogUnchanged(ILogger logger, string pod);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pod {Pod}: {What}")]
    private static partial void LogPlayed(ILogger logger, string pod, string what);

    [LoggerMessage(Level = LogLevel.Information, Message = "Every pod is ready:\n{Table}")]
    private static partial void LogReady(ILogger logger, string table);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed pod {Pod}")]
    private static partial void LogRemoved(ILogger logger, string pod);

    [LoggerMessage(Level = LogLevel.Information, Message = "Destroyed {Count} pods of '{PartOf}'")]
    private static partial void LogDestroyed(ILogger logger, int count, string partOf);
}
