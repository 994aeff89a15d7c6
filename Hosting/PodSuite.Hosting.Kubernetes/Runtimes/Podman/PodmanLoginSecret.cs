using System.Text;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using PodSuite.Hosting.Kubernetes.Rendering;
using PodSuite.Hosting.Kubernetes.Telemetry;

namespace PodSuite.Hosting.Kubernetes.Runtimes.Podman;

/// <summary>
/// The dashboard's login Secret as podman 4.3 keeps it: a podman secret whose content is a JSON object of base64 values
/// (what <c>secretKeyRef</c> reads; the Secret document <c>kube play</c> would make of a manifest it cannot read back),
/// labelled as PodSuite's and this app's, since podman's secrets are not a pod's.
/// </summary>
internal sealed class PodmanLoginSecret(PodmanPods pods, KubernetesPublishOptions options)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(1);

    /// <summary>Creates the Secret with new values unless it exists; whether it created it.</summary>
    public async Task<bool> EnsureAsync(CancellationToken cancellationToken)
    {
        if (await PartOfAsync(cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        var content = JsonSerializer.Serialize(DashboardPod.NewLoginSecret()
            .ToDictionary(k => k.Key, k => Convert.ToBase64String(Encoding.UTF8.GetBytes(k.Value))));
        await pods.Command("secret", "create",
                "--label", $"{ObjectMetadata.ManagedByLabel}={ObjectMetadata.ManagedBy}",
                "--label", $"{ObjectMetadata.PartOfLabel}={ObjectMetadata.PartOf(options)}",
                KubernetesPodsDashboard.LoginSecretName, "-")
            .RunCheckedAsync(CommandTimeout, cancellationToken, content).ConfigureAwait(false);
        return true;
    }

    /// <summary>Removes the Secret if this app's deploys made it; whether it did.</summary>
    public async Task<bool> RemoveAsync(CancellationToken cancellationToken)
    {
        if (await PartOfAsync(cancellationToken).ConfigureAwait(false) != ObjectMetadata.PartOf(options))
        {
            return false;
        }

        await pods.Command("secret", "rm", KubernetesPodsDashboard.LoginSecretName).RunCheckedAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The browser token the running dashboard was given (podman shows a container's environment).</summary>
    public async Task<string?> BrowserTokenAsync(CancellationToken cancellationToken)
    {
        var container = PodmanPods.ContainerName(KubernetesPodsDashboard.PodName, KubernetesPodsDashboard.ContainerName);
        var (exitCode, _, output) = await pods.Command("inspect", container, "--format", "{{range .Config.Env}}{{println .}}{{end}}")
            .RunAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
        var prefix = $"{DashboardLogin.BrowserTokenVariable}=";
        return exitCode == 0
            ? output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..]
            : null;
    }

    // The Secret's part-of label: null when there is no such Secret, "" when it is not PodSuite's.
    private async Task<string?> PartOfAsync(CancellationToken cancellationToken)
    {
        var (exitCode, _, output) = await pods.Command("secret", "inspect", KubernetesPodsDashboard.LoginSecretName, "--format",
                $"{{{{index .Spec.Labels \"{ObjectMetadata.ManagedByLabel}\"}}}} {{{{index .Spec.Labels \"{ObjectMetadata.PartOfLabel}\"}}}}")
            .RunAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            return null;
        }

        var labels = output.Trim().Split(' ', 2);
        return labels.Length == 2 && labels[0] == ObjectMetadata.ManagedBy ? labels[1] : "";
    }
}
