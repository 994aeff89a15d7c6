using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using PodSuite.Hosting.Kubernetes.Rendering;
using PodSuite.Hosting.Kubernetes.Telemetry;

namespace PodSuite.Hosting.Kubernetes.Runtimes.Kubectl;

/// <summary>
/// The dashboard's login Secret in the cluster, made by the deploy and never written into a manifest. Its values go to
/// kubectl on standard input alone: no file, no command line holds them. A Secret an earlier deploy made gains the keys
/// it lacks (its other values kept); one PodSuite did not make is the user's, used as it is, and refused before anything
/// changes if it lacks a key the dashboard needs.
/// </summary>
/// <param name="options">The publish's settings: the app's part-of label, the namespace.</param>
/// <param name="namespaced">A kubectl command in the deploy's context and namespace.</param>
/// <param name="logger">Where progress goes.</param>
internal sealed partial class KubectlLoginSecret(KubernetesPublishOptions options, Func<string[], ExternalCommand> namespaced, ILogger logger)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The Secret as the cluster holds it, or null; fails when it is not this app's and lacks a key.</summary>
    public async Task<V1Secret?> FindAsync(CancellationToken cancellationToken)
    {
        if (await KubectlSecrets.FindAsync(namespaced, KubernetesPodsDashboard.LoginSecretName, cancellationToken).ConfigureAwait(false) is not { } secret)
        {
            return null;
        }

        var missing = DashboardPod.MissingLoginKeys([.. secret.Data?.Keys ?? []]);
        var labels = KubectlSecrets.LabelsOf(secret);
        if (missing.Count > 0 && !new AppOwnership(ObjectMetadata.PartOf(options)).Owns(labels))
        {
            var example = $"{{\"stringData\":{{\"{DashboardPod.OtlpApiKeyKey}\":\"<key>\",\"{DashboardPod.OtlpHeadersKey}\":\"{DashboardPod.OtlpApiKeyHeader}=<key>\"}}}}";
            throw new DistributedApplicationException(
                $"The deploy failed, and changed nothing: secret '{KubernetesPodsDashboard.LoginSecretName}' " +
                $"{AppOwnership.Whose(labels, "was not made by PodSuite")}, and lacks {string.Join(", ", missing.Keys.Select(k => $"'{k}'"))}, " +
                $"which the dashboard needs (its OTLP endpoint takes telemetry only with that key). Add them " +
                $"('{namespaced(["patch", "secret", KubernetesPodsDashboard.LoginSecretName, "--type=merge", "-p", example])}'), " +
                $"or remove it ('{namespaced(["delete", "secret", KubernetesPodsDashboard.LoginSecretName])}') and the deploy makes one.");
        }

        return secret;
    }

    /// <summary>Creates the Secret if <paramref name="found"/> is null, or adds the keys this app's lacks.</summary>
    public async Task EnsureAsync(V1Secret? found, CancellationToken cancellationToken)
    {
        if (found is null)
        {
            var secret = KubectlSecrets.Labelled(options, KubernetesPodsDashboard.LoginSecretName, DashboardPod.NewLoginSecret());
            await Create().RunCheckedAsync(CommandTimeout, cancellationToken, KubernetesYaml.Serialize(secret)).ConfigureAwait(false);
            DashboardLogin.LogCreated(logger);
            return;
        }

        var missing = DashboardPod.MissingLoginKeys([.. found.Data?.Keys ?? []]);
        if (missing.Count == 0)
        {
            return;
        }

        // A replace of the object as it was read (its resourceVersion included, so a change made since fails it), with the
        // new keys beside the old ones.
        found.StringData = missing.ToDictionary();
        await Replace().RunCheckedAsync(CommandTimeout, cancellationToken, KubernetesYaml.Serialize(found)).ConfigureAwait(false);
        LogAddedKeys(logger, string.Join(", ", missing.Keys));
    }

    /// <summary>The browser token the Secret holds.</summary>
    public async Task<string> BrowserTokenAsync(CancellationToken cancellationToken) =>
        Encoding.UTF8.GetString(Convert.FromBase64String((await GetBrowserToken().RunCheckedAsync(CommandTimeout, cancellationToken).ConfigureAwait(false)).Trim()));

    public ExternalCommand Create() => namespaced(["create", "-f", "-"]);

    public ExternalCommand Replace() => namespaced(["replace", "-f", "-"]);

    public ExternalCommand GetBrowserToken() =>
        namespaced(["get", "secret", KubernetesPodsDashboard.LoginSecretName, "-o", $"jsonpath={{.data.{DashboardPod.BrowserTokenKey}}}"]);

    [LoggerMessage(Level = LogLevel.Information, Message = "Secret " + KubernetesPodsDashboard.LoginSecretName + ": added {Keys}, the values it had kept")]
    private static partial void LogAddedKeys(ILogger logger, string keys);
}
