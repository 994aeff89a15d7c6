using Aspire.Hosting;
using k8s;
using Microsoft.Extensions.Logging;
using PodSuite.Hosting.Kubernetes.Rendering;
using PodSuite.Hosting.Kubernetes.Telemetry;

namespace PodSuite.Hosting.Kubernetes.Runtimes.Podman;

/// <summary>
/// Deploys the podman-adapted pods with <c>podman kube play</c>, one pod at a time, and touches only what is this app's
/// (<see cref="PodmanOwnership"/>): a pod or volume of another's in the way fails the deploy before anything changes.
/// Each played pod carries a label with the hash of its objects; a pod left as it is must match it AND be ready (or
/// completed, if it runs to completion). Any other pod of this app (changed, stopped, failed, half-played) is removed
/// with its volumes and played again. Then it waits until every pod is ready, and prints a table; or fails naming what
/// is not, with the container's own last log lines. Destroy removes this app's pods and volumes, by their labels.
/// </summary>
internal sealed partial class PodmanDeployment(KubernetesPublishOptions options, PodmanPods pods, ILogger logger, Func<string> workDirectory) : IPodDeployment
{
    private const int LogLines = 15;
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly PodmanOwnership _ownership = new(new AppOwnership(ObjectMetadata.PartOf(options)));

    public async Task DeployAsync(IReadOnlyList<PodManifest> manifests, CancellationToken cancellationToken)
    {
        var found = await FindAsync(manifests, cancellationToken).ConfigureAwait(false);
        if (Refusal(found) is { } refusal)
        {
            throw new DistributedApplicationException(refusal);
        }

        // The values first, so that a missing one fails the deploy before anything changes.
        var appSecret = new PodmanAppSecret(pods, options);
        var secrets = await AppSecrets.ResolveAsync(manifests, cancellationToken).ConfigureAwait(false);
        var foundSecret = secrets is null ? null : await appSecret.FindAsync(cancellationToken).ConfigureAwait(false);

        var work = workDirectory();
        Directory.CreateDirectory(work);
        var login = new PodmanLoginSecret(pods, options);
        var loginState = DashboardLogin.IsReferred(manifests) ? await login.EnsureAsync(cancellationToken).ConfigureAwait(false) : null;
        if (loginState is { Created: true })
        {
            DashboardLogin.LogCreated(logger);
        }
        else if (loginState is { MadeAnew: true })
        {
            LogLoginSecretMadeAnew(logger, string.Join(", ", DashboardPod.NewLoginSecret().Keys));
        }

        if (secrets is not null && await appSecret.EnsureAsync(foundSecret, secrets, cancellationToken).ConfigureAwait(false))
        {
            LogAppSecret(logger, appSecret.Name, string.Join(", ", secrets.Values.Keys));
        }

        // A claim's volume is the app's data: made once, labelled as such, and kept however often its pod is played.
        foreach (var claim in found.SelectMany(p => p.Claims).Where(c => c.Value is null).Select(c => c.Key).Distinct())
        {
            await pods.Command(["volume", "create", .. _ownership.LabelArguments, "--label", $"{ObjectMetadata.DataLabel}=true", claim])
                .RunCheckedAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
            LogClaimMade(logger, claim);
        }

        var leftReady = new Dictionary<string, DeployedPodStatus>();
        foreach (var (pod, existing) in manifests.Zip(found))
        {
            // A pod takes the Secrets' values when played: it is played again when the login Secret is new, or a value it
            // reads changed.
            string[] taken = [.. new[] { DashboardLogin.IsReferred([pod]) ? loginState?.Id : null, secrets?.HashFor(pod) }.OfType<string>()];
            var spec = PodSpecHash.Of(pod, taken.Length > 0 ? string.Join(' ', taken) : null);
            var (why, status) = await WhyPlayAsync(pod, existing, spec, cancellationToken).ConfigureAwait(false);
            if (why is null)
            {
                leftReady[pod.Name] = status!;
                LogUnchanged(logger, pod.Name);
                continue;
            }

            if (existing.PodLabels is not null)
            {
                await RemovePodAsync(pod.Name, cancellationToken).ConfigureAwait(false);
            }

            // Its volumes are made anew, as a Kubernetes pod's emptyDirs are, and labelled as this app's (podman would
            // make them without labels); kube play fills a ConfigMap's.
            await RemoveVolumesAsync(existing.Volumes.Where(v => v.Value is not null).Select(v => v.Key), cancellationToken).ConfigureAwait(false);
            foreach (var volume in existing.Volumes.Keys)
            {
                await pods.Command(["volume", "create", .. _ownership.LabelArguments, volume]).RunCheckedAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
            }

            pod.Workload.Metadata.Labels[PodSpecHash.Key] = spec;
            var file = Path.Combine(work, $"{pod.Name}.yaml");
            await File.WriteAllTextAsync(file, KubernetesYaml.SerializeAll(pod.Objects), cancellationToken).ConfigureAwait(false);
            // Podman runs a pod's init containers before play returns: a stuck one holds it, so the deploy's timeout bounds it.
            var (exitCode, output) = await PlayAsync(pod, file, cancellationToken).ConfigureAwait(false);
            if (exitCode != 0)
            {
                throw new DistributedApplicationException(
                    $"The deploy failed: podman could not play pod '{pod.Name}' (exit code {exitCode}):\n{ExternalCommand.Tail(output, LogLines)}");
            }

            LogPlayed(logger, pod.Name, why);
        }

        var ready = await WaitAsync(manifests, leftReady, cancellationToken).ConfigureAwait(false);
        LogReady(logger, DeployedPodStatus.Table(ready));
        if (DashboardLogin.DashboardPod(manifests) is { } dashboard)
        {
            DashboardLogin.LogWayIn(logger, await DashboardUrlAsync(dashboard, login, cancellationToken).ConfigureAwait(false));
        }
    }

    // Null when the pod is this app's, runs what the model says, and is ready (or done), with its status; else what the
    // log says the deploy did.
    private async Task<(string? Why, DeployedPodStatus? Status)> WhyPlayAsync(PodManifest pod, FoundPod existing, string spec, CancellationToken cancellationToken)
    {
        if (existing.PodLabels is null)
        {
            return ("started", null);
        }

        if (existing.PodLabels.GetValueOrDefault(PodSpecHash.Key) != spec)
        {
            return ("replaced (its spec changed)", null);
        }

        var status = await pods.StatusAsync(pod, cancellationToken).ConfigureAwait(false);
        if (status.Ready)
        {
            return (null, status);
        }

        var container = status.InitContainers.Concat(status.Containers).First(c => !c.Ready);
        var state = container.State == "exited" ? $"had exited with code {container.ExitCode}" : $"was {container.State}";
        return ($"replaced (unchanged, but container '{container.Name}' {state})", status);
    }

    // What podman holds under the names of the pods and their volumes, found before anything changes.
    private async Task<IReadOnlyList<FoundPod>> FindAsync(IReadOnlyList<PodManifest> manifests, CancellationToken cancellationToken)
    {
        var held = await pods.PodsAsync(cancellationToken).ConfigureAwait(false);
        var volumes = await pods.VolumesAsync(cancellationToken).ConfigureAwait(false);
        return [.. manifests.Select(pod => new FoundPod(
            pod.Name,
            held.GetValueOrDefault(pod.Name),
            VolumesOf(pod).ToDictionary(v => v, v => volumes.GetValueOrDefault(v)),
            ClaimsOf(pod).ToDictionary(v => v, v => volumes.GetValueOrDefault(v))))];
    }

    // One error naming every pod and volume in the way that is not this app's, and how to remove it; null when none is.
    private string? Refusal(IReadOnlyList<FoundPod> found)
    {
        var refused = new List<string>();
        foreach (var pod in found)
        {
            if (pod.PodLabels is { } labels && !_ownership.Owns(labels))
            {
                refused.Add($"pod '{pod.Name}' {AppOwnership.Whose(labels, "was started by hand")}: remove it with '{pods.Command("pod", "rm", "--force", pod.Name)}'");
            }

            foreach (var (volume, volumeLabels) in pod.Volumes)
            {
                if (volumeLabels is not null && !_ownership.OwnsVolume(volumeLabels, pod.PodLabels))
                {
                    refused.Add($"volume '{volume}' {AppOwnership.Whose(volumeLabels, "was made by hand")}: remove it with '{pods.Command("volume", "rm", volume)}'");
                }
            }

            // Data is never adopted: a claim's volume that is not labelled as this app's may hold someone's data.
            foreach (var (claim, claimLabels) in pod.Claims)
            {
                if (claimLabels is not null && !_ownership.Owns(claimLabels))
                {
                    refused.Add($"volume '{claim}', the claim of pod '{pod.Name}', {AppOwnership.Whose(claimLabels, "was made by hand")}: " +
                                $"rename the model's volume, or remove it with '{pods.Command("volume", "rm", claim)}' if its data can go");
                }
            }
        }

        return refused.Count == 0 ? null
            : $"The deploy failed, and changed nothing: PodSuite replaces only its own pods and volumes (those of '{_ownership.PartOf}'), and these are in the way:\n" +
              string.Join('\n', refused.Select(r => $"- {r}"));
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
    /// Removes every pod of this app that PodSuite played and every volume it made (found by their labels, whatever the
    /// model holds now), and the unlabelled volumes of earlier versions' pods that it removes.
    /// </summary>
    public async Task DestroyAsync(IReadOnlyList<PodManifest> manifests, CancellationToken cancellationToken)
    {
        var ours = (await pods.PodsAsync(cancellationToken).ConfigureAwait(false)).Where(p => _ownership.Owns(p.Value)).Select(p => p.Key).ToList();
        var volumes = await pods.VolumesAsync(cancellationToken).ConfigureAwait(false);
        var adopted = manifests.Where(p => ours.Contains(p.Name)).SelectMany(VolumesOf).Where(v => volumes.GetValueOrDefault(v) is { Count: 0 });
        // The claims' volumes hold the app's data: they go only when asked to, with the Secret that opens them.
        var labelled = volumes.Where(v => _ownership.Owns(v.Value) && (options.DestroyData || !v.Value.ContainsKey(ObjectMetadata.DataLabel))).Select(v => v.Key);
        var removed = labelled.Concat(adopted).ToList();
        foreach (var pod in ours)
        {
            await RemovePodAsync(pod, cancellationToken).ConfigureAwait(false);
            LogRemoved(logger, pod);
        }

        await RemoveVolumesAsync(removed, cancellationToken).ConfigureAwait(false);

        if (await new PodmanLoginSecret(pods, options).RemoveAsync(cancellationToken).ConfigureAwait(false))
        {
            DashboardLogin.LogRemoved(logger);
        }

        var appSecret = new PodmanAppSecret(pods, options);
        foreach (var data in removed.Where(v => volumes.GetValueOrDefault(v)?.ContainsKey(ObjectMetadata.DataLabel) == true))
        {
            LogRemovedData(logger, $"volume {data}");
        }

        if (options.DestroyData && await appSecret.RemoveAsync(cancellationToken).ConfigureAwait(false))
        {
            LogRemovedData(logger, $"secret {appSecret.Name}");
        }

        LogDestroyed(logger, ours.Count, _ownership.PartOf);
    }

    // Podman 4.3 races stopping a pod's containers against removing them ("container state improper: stopped", "a
    // container that depends on ... still exists"): the remove is asked again, at most twice, while the pod is there.
    private async Task RemovePodAsync(string pod, CancellationToken cancellationToken)
    {
        var remove = pods.Command("pod", "rm", "--force", "--time", "5", pod);
        for (var attempt = 1; ; attempt++)
        {
            var (exitCode, output, _) = await remove.RunAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
            if (exitCode == 0)
            {
                return;
            }

            var (exists, _, _) = await pods.Command("pod", "exists", pod).RunAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
            if (exists != 0)
            {
                return;
            }

            if (attempt == 3)
            {
                throw new DistributedApplicationException($"'{remove}' failed (exit code {exitCode}), three times:\n{ExternalCommand.Tail(output, 20)}");
            }
        }
    }

    private async Task RemoveVolumesAsync(IEnumerable<string> volumes, CancellationToken cancellationToken)
    {
        foreach (var volume in volumes)
        {
            await pods.Command("volume", "rm", volume).RunCheckedAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
        }
    }

    // The volumes podman makes of the pod's emptyDirs and ConfigMaps, named after the pod (PodmanManifests).
    private static IEnumerable<string> VolumesOf(PodManifest pod) =>
        (pod.PodSpec.Volumes ?? []).Where(v => v.PersistentVolumeClaim is null).Select(v => v.ConfigMap?.Name ?? v.Name);

    // The volumes of the pod's claims, named after the claim: the same volume whichever pod mounts it.
    private static IEnumerable<string> ClaimsOf(PodManifest pod) =>
        (pod.PodSpec.Volumes ?? []).Select(v => v.PersistentVolumeClaim?.ClaimName).OfType<string>();

    /// <summary>
    /// The play of one pod's file, with TLS verified for every registry: one that serves plain HTTP (the one
    /// <c>eng/pods/setup.sh</c> starts) is marked insecure in <c>registries.conf</c>, for that registry alone. Podman's
    /// own warnings are left out of its output, so a failed play's error is the container's or podman's error alone.
    /// </summary>
    public ExternalCommand Play(string file) => pods.Command("kube", "play", "--log-level=error", "--replace", "--quiet", file);

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

    // Every pod's status until all are ready; a pod found ready as it was left is not asked again.
    private async Task<IReadOnlyList<DeployedPodStatus>> WaitAsync(
        IReadOnlyList<PodManifest> manifests, IReadOnlyDictionary<string, DeployedPodStatus> leftReady, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.DeployTimeout);
        var statuses = new List<DeployedPodStatus>();
        while (true)
        {
            statuses.Clear();
            foreach (var pod in manifests)
            {
                statuses.Add(leftReady.GetValueOrDefault(pod.Name) ?? await pods.StatusAsync(pod, cancellationToken).ConfigureAwait(false));
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Secret " + Aspire.Hosting.ApplicationModel.KubernetesPodsDashboard.LoginSecretName +
        ": made anew with every key ({Keys}), since an earlier version made it without some (podman's secrets cannot be changed, nor read back)")]
    private static partial void LogLoginSecretMadeAnew(ILogger logger, string keys);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Name}, the app's data, as DestroyData asked")]
    private static partial void LogRemovedData(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Secret {Name}: made with {Keys}")]
    private static partial void LogAppSecret(ILogger logger, string name, string keys);

    [LoggerMessage(Level = LogLevel.Information, Message = "Volume {Name}: made for its claim, kept until destroy is asked to remove data")]
    private static partial void LogClaimMade(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pod {Pod}: unchanged, left as it is")]
    private static partial void LogUnchanged(ILogger logger, string pod);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pod {Pod}: {What}")]
    private static partial void LogPlayed(ILogger logger, string pod, string what);

    [LoggerMessage(Level = LogLevel.Information, Message = "Every pod is ready:\n{Table}")]
    private static partial void LogReady(ILogger logger, string table);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed pod {Pod}")]
    private static partial void LogRemoved(ILogger logger, string pod);

    /// <param name="Name">The pod's name.</param>
    /// <param name="PodLabels">The labels of the pod podman holds under that name; <see langword="null"/> when none.</param>
    /// <param name="Volumes">The labels of each of its volumes podman holds; <see langword="null"/> for one it does not.</param>
    /// <param name="Claims">The same, for the volumes of its claims.</param>
    private sealed record FoundPod(
        string Name, IReadOnlyDictionary<string, string>? PodLabels, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>?> Volumes,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>?> Claims);

    [LoggerMessage(Level = LogLevel.Information, Message = "Destroyed {Count} pods of '{PartOf}'")]
    private static partial void LogDestroyed(ILogger logger, int count, string partOf);
}
