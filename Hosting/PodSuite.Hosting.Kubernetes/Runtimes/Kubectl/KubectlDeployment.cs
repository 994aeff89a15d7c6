using System.Globalization;
using System.Text;
using Aspire.Hosting;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Aspire.Hosting.ApplicationModel;
using PodSuite.Hosting.Kubernetes.Output;
using PodSuite.Hosting.Kubernetes.Rendering;
using PodSuite.Hosting.Kubernetes.Telemetry;

namespace PodSuite.Hosting.Kubernetes.Runtimes.Kubectl;

/// <summary>
/// Deploys the kustomize base to a Kubernetes cluster with kubectl: the namespace created if missing, a server-side
/// apply, then a wait for each workload (a Deployment's rollout, which covers its init containers and readiness; a
/// run-to-completion pod's success; a Job's completion), then the pods as kubectl lists them. Destroy deletes what
/// carries this app's PodSuite labels. The kube context is kubectl's current one unless one is configured.
/// </summary>
/// <param name="options">The publish's settings: namespace, kube context, timeout, the app's part-of label.</param>
/// <param name="logger">Where progress goes.</param>
/// <param name="outputDirectory">Where the manifests it applies are written: the pipeline's output.</param>
/// <param name="kubectl">The kubectl program.</param>
internal sealed partial class KubectlDeployment(KubernetesPublishOptions options, ILogger logger, Func<string> outputDirectory, string kubectl = "kubectl") : IPodDeployment
{
    public const string FieldManager = "podsuite";
    private const string DeletedKinds = "deployments,jobs,pods,services,configmaps,networkpolicies,secrets";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    public async Task DeployAsync(IReadOnlyList<PodManifest> pods, CancellationToken cancellationToken)
    {
        var manifests = outputDirectory();
        ManifestOutput.Write(logger, manifests, pods, options);
        if (options.Namespace is { } name)
        {
            var (exists, _, _) = await GetNamespace(name).RunAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
            if (exists != 0)
            {
                await CreateNamespace(name).RunCheckedAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
                LogCreatedNamespace(logger, name);
            }
        }

        if (DashboardLogin.IsReferred(pods))
        {
            await EnsureLoginSecretAsync(cancellationToken).ConfigureAwait(false);
        }

        await Apply(manifests).RunCheckedAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
        foreach (var (wait, workload) in Waits(pods).Zip(pods.Select(p => p.Workload)))
        {
            var (exitCode, output, _) = await wait.RunAsync(options.DeployTimeout + CommandTimeout, cancellationToken).ConfigureAwait(false);
            if (exitCode != 0)
            {
                var (_, logs, _) = await Logs(workload).RunAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
                throw new DistributedApplicationException(
                    $"The deploy failed: {workload.Kind} '{workload.Metadata.Name}' was not ready within {options.DeployTimeout.TotalSeconds:0} s " +
                    $"('{wait}' said: {ExternalCommand.Tail(output, 5)}). Its containers' last log lines:\n{ExternalCommand.Tail(logs, 30)}");
            }
        }

        LogReady(logger, (await ListPods().RunCheckedAsync(CommandTimeout, cancellationToken).ConfigureAwait(false)).TrimEnd());
        if (DashboardLogin.DashboardPod(pods) is { } dashboard)
        {
            var token = DashboardLogin.IsReferred([dashboard])
                ? Encoding.UTF8.GetString(Convert.FromBase64String((await GetBrowserToken().RunCheckedAsync(CommandTimeout, cancellationToken).ConfigureAwait(false)).Trim()))
                : null;
            var port = options.Dashboard.FrontendPort;
            DashboardLogin.LogWayIn(logger, $"run '{PortForward(port)}', then open {DashboardLogin.Url("localhost", port, token)}");
        }
    }

    // The Secret is made here, never written into a manifest. One create, labelled as it is made, from standard input:
    // its values touch no file and no command line, and a failed create leaves nothing half-made behind.
    private async Task EnsureLoginSecretAsync(CancellationToken cancellationToken)
    {
        var found = await GetLoginSecret().RunCheckedAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
        if (found.Trim().Length > 0)
        {
            return;
        }

        await CreateFromStandardInput().RunCheckedAsync(CommandTimeout, cancellationToken, KubernetesYaml.Serialize(LoginSecret(DashboardPod.NewLoginSecret())))
            .ConfigureAwait(false);
        DashboardLogin.LogCreated(logger);
    }

    public async Task DestroyAsync(IReadOnlyList<PodManifest> pods, CancellationToken cancellationToken) =>
        LogDestroyed(logger, (await Delete().RunCheckedAsync(options.DeployTimeout, cancellationToken).ConfigureAwait(false)).TrimEnd());

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

    public ExternalCommand GetLoginSecret() =>
        Namespaced("get", "secret", KubernetesPodsDashboard.LoginSecretName, "--ignore-not-found", "-o", "name");

    public ExternalCommand CreateFromStandardInput() => Namespaced("create", "-f", "-");

    /// <summary>The dashboard's login Secret with <paramref name="values"/>, carrying this app's PodSuite labels (so destroy deletes it).</summary>
    public V1Secret LoginSecret(IReadOnlyDictionary<string, string> values) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = new V1ObjectMeta
        {
            Name = KubernetesPodsDashboard.LoginSecretName,
            Labels = new Dictionary<string, string>
            {
                [ObjectMetadata.ManagedByLabel] = ObjectMetadata.ManagedBy,
                [ObjectMetadata.PartOfLabel] = ObjectMetadata.PartOf(options),
            },
        },
        StringData = values.ToDictionary(),
    };

    public ExternalCommand GetBrowserToken() =>
        Namespaced("get", "secret", KubernetesPodsDashboard.LoginSecretName, "-o", $"jsonpath={{.data.{DashboardPod.BrowserTokenKey}}}");

    public ExternalCommand PortForward(int port) =>
        Namespaced("port-forward", $"service/{KubernetesPodsDashboard.PodName}", port.ToString(CultureInfo.InvariantCulture));

    public ExternalCommand ListPods() => Namespaced("get", "pods", "-l", Selector, "-o", "wide");

    public ExternalCommand Delete() => Namespaced("delete", DeletedKinds, "-l", Selector, "--wait=true");

    private ExternalCommand Logs(k8s.IKubernetesObject<V1ObjectMeta> workload) =>
        Namespaced("logs", $"{workload.Kind.ToLowerInvariant()}/{workload.Metadata.Name}", "--all-containers", "--prefix", "--tail=10");

    private string Selector => $"{ObjectMetadata.ManagedByLabel}={ObjectMetadata.ManagedBy},{ObjectMetadata.PartOfLabel}={ObjectMetadata.PartOf(options)}";

    private string Timeout => $"--timeout={((int)options.DeployTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s";

    private ExternalCommand Namespaced(params string[] arguments) =>
        options.Namespace is { } name ? Kubectl(["-n", name, .. arguments]) : Kubectl(arguments);

    private ExternalCommand Kubectl(params string[] arguments) =>
        new(kubectl, options.KubeContext is { } context ? ["--context", context, .. arguments] : arguments);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created namespace {Namespace}")]
    private static partial void LogCreatedNamespace(ILogger logger, string @namespace);

    [LoggerMessage(Level = LogLevel.Information, Message = "Every pod is ready:\n{Pods}")]
    private static partial void LogReady(ILogger logger, string pods);

    [LoggerMessage(Level = LogLevel.Information, Message = "Destroyed:\n{Deleted}")]
    private static partial void LogDestroyed(ILogger logger, string deleted);
}
