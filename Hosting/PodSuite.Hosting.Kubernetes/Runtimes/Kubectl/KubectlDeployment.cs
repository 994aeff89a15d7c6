using System.Globalization;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Aspire.Hosting.ApplicationModel;
using PodSuite.Hosting.Kubernetes.Output;
using PodSuite.Hosting.Kubernetes.Rendering;
using PodSuite.Hosting.Kubernetes.Telemetry;

namespace PodSuite.Hosting.Kubernetes.Runtimes.Kubectl;

/// <summary>
/// Deploys the kustomize base to a Kubernetes cluster with kubectl. It says first where it acts (the kube context and the
/// namespace), then: what is in the way checked (an object of the base that exists without this app's labels fails the
/// deploy before anything changes, naming its field managers); the namespace created if missing; a changed or failed
/// run-to-completion workload (a bare Pod or a Job, whose spec cannot change) deleted, to be created again; a server-side
/// apply that never forces conflicts; a wait for each workload (a Deployment's rollout, which covers its init containers
/// and readiness; a run-to-completion pod's success; a Job's completion); then the pods as kubectl lists them. The base it
/// applies (images pinned by digest) is written to its work directory, never to the output a user commits. Destroy
/// deletes what carries this app's PodSuite labels.
/// </summary>
/// <param name="options">The publish's settings: namespace, kube context, timeout, the app's part-of label.</param>
/// <param name="logger">Where progress goes.</param>
/// <param name="workDirectory">Where the manifests it applies are written.</param>
/// <param name="kubectl">The kubectl program.</param>
internal sealed partial class KubectlDeployment(KubernetesPublishOptions options, ILogger logger, Func<string> workDirectory, string kubectl = "kubectl") : IPodDeployment
{
    public const string FieldManager = "podsuite";
    private const string DeletedKinds = "deployments,jobs,pods,services,configmaps,networkpolicies,secrets,persistentvolumeclaims";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    public async Task DeployAsync(IReadOnlyList<PodManifest> pods, CancellationToken cancellationToken)
    {
        LogWhere(logger, "Deploying to", await WhereAsync(cancellationToken).ConfigureAwait(false));
        // The values first, so that a missing one fails the deploy before anything changes.
        var secrets = await AppSecrets.ResolveAsync(pods, cancellationToken).ConfigureAwait(false);
        var appSecret = new KubectlAppSecret(options, arguments => Namespaced(arguments));
        if (secrets is not null)
        {
            KubectlAppSecret.Annotate(pods, secrets);
        }

        foreach (var pod in pods.Where(p => p.Workload is V1Pod or V1Job))
        {
            var spec = PodSpecHash.Of(pod);
            pod.Workload.Metadata.Annotations ??= new Dictionary<string, string>();
            pod.Workload.Metadata.Annotations[PodSpecHash.Key] = spec;
        }

        var manifests = Path.Combine(workDirectory(), "manifests");
        ManifestOutput.Write(logger, manifests, pods, options);
        var existing = ClusterObject.ParseList(await GetExisting(pods).RunCheckedAsync(CommandTimeout, cancellationToken).ConfigureAwait(false));
        if (Refusal(existing) is { } refusal)
        {
            throw new DistributedApplicationException(refusal);
        }

        if (secrets is not null)
        {
            await appSecret.CheckAsync(cancellationToken).ConfigureAwait(false);
        }

        var loginSecret = LoginSecret();
        var usesLogin = DashboardLogin.IsReferred(pods);
        var foundLogin = usesLogin ? await loginSecret.FindAsync(cancellationToken).ConfigureAwait(false) : null;

        if (options.Namespace is { } name)
        {
            var (exists, _, _) = await GetNamespace(name).RunAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
            if (exists != 0)
            {
                await CreateNamespace(name).RunCheckedAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
                LogCreatedNamespace(logger, name);
            }
        }

        foreach (var pod in pods.Where(p => p.Workload is V1Pod or V1Job))
        {
            var workload = pod.Workload;
            if (existing.FirstOrDefault(o => o.Kind == workload.Kind && o.Name == workload.Metadata.Name) is { } run
                && (run.Annotation(PodSpecHash.Key) != workload.Metadata.Annotations[PodSpecHash.Key] || run.Failed))
            {
                await DeleteToRunAgain(workload).RunCheckedAsync(options.DeployTimeout, cancellationToken).ConfigureAwait(false);
                LogRunAgain(logger, workload.Kind, workload.Metadata.Name, run.Failed ? "it failed" : "its spec changed");
            }
        }

        if (usesLogin)
        {
            await loginSecret.EnsureAsync(foundLogin, cancellationToken).ConfigureAwait(false);
        }

        if (secrets is not null)
        {
            await appSecret.ApplyAsync(secrets, cancellationToken).ConfigureAwait(false);
        }

        var (applied, output, _) = await Apply(manifests).RunAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
        if (applied != 0)
        {
            throw new DistributedApplicationException(ApplyFailure(output, existing, manifests));
        }

        foreach (var (wait, workload) in Waits(pods).Zip(pods.Select(p => p.Workload)))
        {
            var (exitCode, waited, _) = await wait.RunAsync(options.DeployTimeout + CommandTimeout, cancellationToken).ConfigureAwait(false);
            if (exitCode != 0)
            {
                var (_, logs, _) = await Logs(workload).RunAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
                throw new DistributedApplicationException(
                    $"The deploy failed: {workload.Kind} '{workload.Metadata.Name}' was not ready within {options.DeployTimeout.TotalSeconds:0} s " +
                    $"('{wait}' said: {ExternalCommand.Tail(waited, 5)}). Its containers' last log lines:\n{ExternalCommand.Tail(logs, 30)}");
            }
        }

        LogReady(logger, (await ListPods().RunCheckedAsync(CommandTimeout, cancellationToken).ConfigureAwait(false)).TrimEnd());
        if (DashboardLogin.DashboardPod(pods) is { } dashboard)
        {
            var token = DashboardLogin.IsReferred([dashboard]) ? await loginSecret.BrowserTokenAsync(cancellationToken).ConfigureAwait(false) : null;
            var port = options.Dashboard.FrontendPort;
            DashboardLogin.LogWayIn(logger, $"run '{PortForward(port)}', then open {DashboardLogin.Url("localhost", port, token)}");
        }
    }

    // The kube context and namespace the commands act in: the configured ones, else kubectl's current ones.
    private async Task<string> WhereAsync(CancellationToken cancellationToken)
    {
        var context = options.KubeContext
            ?? (await Kubectl("config", "current-context").RunCheckedAsync(CommandTimeout, cancellationToken).ConfigureAwait(false)).Trim();
        var @namespace = options.Namespace
            ?? (await Kubectl("config", "view", "--minify", "-o", "jsonpath={..namespace}").RunCheckedAsync(CommandTimeout, cancellationToken).ConfigureAwait(false)).Trim();
        return $"kube context '{context}', namespace '{(@namespace.Length > 0 ? @namespace : "default")}'";
    }

    // One error naming every object of the base that exists but is not this app's, with its field managers; null when none.
    private string? Refusal(IReadOnlyList<ClusterObject> existing)
    {
        var ownership = new AppOwnership(ObjectMetadata.PartOf(options));
        var refused = existing.Where(o => !ownership.Owns(o.Labels))
            .Select(o => $"- {o.Kind} '{o.Name}' {AppOwnership.Whose(o.Labels, "was not made by PodSuite")}, field managers " +
                $"{string.Join(", ", o.Managers.Select(m => $"'{m}'"))}: remove it with '{Namespaced("delete", o.Resource)}'")
            .ToList();
        return refused.Count == 0 ? null
            : $"The deploy failed, and changed nothing: PodSuite applies only over its own objects (those of '{ownership.PartOf}'), and these are in the way:\n{string.Join('\n', refused)}";
    }

    // A server-side apply that met fields another manager owns: which objects, whose fields, and the way out.
    private string ApplyFailure(string output, IReadOnlyList<ClusterObject> existing, string manifests)
    {
        var managers = ConflictingManagers().Matches(output).Select(m => m.Groups[1].Value).Distinct().ToList();
        if (managers.Count == 0)
        {
            return $"The deploy failed: '{Apply(manifests)}' failed:\n{ExternalCommand.Tail(output, 20)}";
        }

        var objects = existing.Where(o => o.Managers.Intersect(managers).Any()).Select(o => $"{o.Kind} '{o.Name}'").ToList();
        return $"The deploy failed: the apply would take over fields that another field manager ({string.Join(", ", managers.Select(m => $"'{m}'"))}) owns" +
            (objects.Count > 0 ? $", in {string.Join(", ", objects)}" : "") +
            ", and PodSuite never forces that. Undo that manager's change, or take the fields over yourself with " +
            $"'{Kubectl("apply", "--server-side", $"--field-manager={FieldManager}", "--force-conflicts", "-k", manifests)}'. kubectl said:\n{ExternalCommand.Tail(output, 5)}";
    }

    [GeneratedRegex("conflicts? with \"([^\"]+)\"")]
    private static partial Regex ConflictingManagers();

    public async Task DestroyAsync(IReadOnlyList<PodManifest> pods, CancellationToken cancellationToken)
    {
        LogWhere(logger, "Destroying in", await WhereAsync(cancellationToken).ConfigureAwait(false));
        LogDestroyed(logger, (await Delete().RunCheckedAsync(options.DeployTimeout, cancellationToken).ConfigureAwait(false)).TrimEnd());
    }

    public ExternalCommand GetNamespace(string name) => Kubectl("get", "namespace", name);

    public ExternalCommand CreateNamespace(string name) => Kubectl("create", "namespace", name);

    public ExternalCommand Apply(string manifestDirectory) => Kubectl("apply", "--server-side", $"--field-manager={FieldManager}", "-k", manifestDirectory);

    /// <summary>One wait per pod, in the pods' order.</summary>
    public IEnumerable<ExternalCommand> Waits(IReadOnlyList<PodManifest> pods) => pods.Select(pod => pod.Workload switch
    {
        V1Deployment d => Namespaced("rollout", "status", $"deployment/{d.Metadata.Name}", Timeout),
        V1Job j => Namespaced("wait", "--for=condition=complete", $"job/{j.Metadata.Name}", Timeout),
        V1Pod p => Namespaced("wait", "--for=jsonpath={.status.phase}=Succeeded", $"pod/{p.Metadata.Name}", Timeout),
        _ => throw new InvalidOperationException($"Unexpected workload {pod.Workload.Kind}."),
    });

    /// <summary>The objects of the base that exist already, with their labels, annotations, managers and status.</summary>
    public ExternalCommand GetExisting(IReadOnlyList<PodManifest> pods) =>
        Namespaced(["get", .. pods.SelectMany(p => p.Objects).Select(ClusterObject.ResourceOf), "--ignore-not-found", "--show-managed-fields", "-o", "json"]);

    /// <summary>Deletes a run-to-completion workload (and, for a Job, its pods) and waits until it is gone.</summary>
    public ExternalCommand DeleteToRunAgain(k8s.IKubernetesObject<V1ObjectMeta> workload) =>
        Namespaced("delete", ClusterObject.ResourceOf(workload), "--cascade=foreground", "--wait=true");

    /// <summary>The dashboard's login Secret, in the deploy's context and namespace.</summary>
    public KubectlLoginSecret LoginSecret() => new(options, arguments => Namespaced(arguments), logger);

    public ExternalCommand PortForward(int port) =>
        Namespaced("port-forward", $"service/{KubernetesPodsDashboard.PodName}", port.ToString(CultureInfo.InvariantCulture));

    public ExternalCommand ListPods() => Namespaced("get", "pods", "-l", Selector, "-o", "wide");

    /// <summary>Deletes this app's objects; its data (the app's Secret) only when asked to (<c>DestroyData</c>).</summary>
    public ExternalCommand Delete() =>
        Namespaced("delete", DeletedKinds, "-l", options.DestroyData ? Selector : $"{Selector},!{AppSecrets.DataLabel}", "--wait=true");

    private ExternalCommand Logs(k8s.IKubernetesObject<V1ObjectMeta> workload) =>
        Namespaced("logs", $"{workload.Kind.ToLowerInvariant()}/{workload.Metadata.Name}", "--all-containers", "--prefix", "--tail=10");

    private string Selector => $"{ObjectMetadata.ManagedByLabel}={ObjectMetadata.ManagedBy},{ObjectMetadata.PartOfLabel}={ObjectMetadata.PartOf(options)}";

    private string Timeout => $"--timeout={((int)options.DeployTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s";

    private ExternalCommand Namespaced(params string[] arguments) =>
        options.Namespace is { } name ? Kubectl(["-n", name, .. arguments]) : Kubectl(arguments);

    private ExternalCommand Kubectl(params string[] arguments) =>
        new(kubectl, options.KubeContext is { } context ? ["--context", context, .. arguments] : arguments);

    [LoggerMessage(Level = LogLevel.Information, Message = "{What} {Where}")]
    private static partial void LogWhere(ILogger logger, string what, string where);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} {Name}: deleted, to run again ({Why})")]
    private static partial void LogRunAgain(ILogger logger, string kind, string name, string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created namespace {Namespace}")]
    private static partial void LogCreatedNamespace(ILogger logger, string @namespace);

    [LoggerMessage(Level = LogLevel.Information, Message = "Every pod is ready:\n{Pods}")]
    private static partial void LogReady(ILogger logger, string pods);

    [LoggerMessage(Level = LogLevel.Information, Message = "Destroyed:\n{Deleted}")]
    private static partial void LogDestroyed(ILogger logger, string deleted);
}
