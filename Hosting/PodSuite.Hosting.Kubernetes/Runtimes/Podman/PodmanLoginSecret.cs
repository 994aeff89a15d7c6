using Aspire.Hosting.ApplicationModel;
using PodSuite.Hosting.Kubernetes.Telemetry;

namespace PodSuite.Hosting.Kubernetes.Runtimes.Podman;

/// <summary>
/// The dashboard's login Secret as podman 4.3 keeps it: a podman secret whose content is a JSON object of base64 values
/// (what <c>secretKeyRef</c> reads; the Secret document <c>kube play</c> would make of a manifest it cannot read back),
/// labelled as PodSuite's and this app's, since podman's secrets are not a pod's, and with the keys it holds. Podman's
/// secrets cannot be changed, and podman 4.3 cannot show one's values: one of this app's that lacks a key (made by an
/// earlier version) is made anew, all its values new. A pod takes the values when it is played, so the pods that read it
/// are played again (<see cref="LoginSecretState.Id"/> goes into their spec hash). One PodSuite did not make is the
/// user's, used as it is.
/// </summary>
internal sealed class PodmanLoginSecret(PodmanPods pods, KubernetesPublishOptions options)
{
    public const string KeysLabel = "podsuite.io/keys";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(1);

    /// <summary>The Secret as this deploy leaves it: its podman ID, and whether the deploy made it, or made it anew.</summary>
    public sealed record LoginSecretState(string Id, bool Created, bool MadeAnew);

    /// <summary>Creates the Secret with new values unless it exists with every key, or is the user's.</summary>
    public async Task<LoginSecretState> EnsureAsync(CancellationToken cancellationToken)
    {
        var values = DashboardPod.NewLoginSecret();
        var keys = string.Join(',', values.Keys);
        var found = await FindAsync(cancellationToken).ConfigureAwait(false);
        if (found is not null && (!PodmanSecrets.Ours(found, options) || found.Labels.GetValueOrDefault(KeysLabel) == keys))
        {
            return new(found.Id, Created: false, MadeAnew: false);
        }

        if (found is not null)
        {
            await pods.Command("secret", "rm", KubernetesPodsDashboard.LoginSecretName).RunCheckedAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
        }

        var id = await PodmanSecrets.CreateAsync(pods, options, KubernetesPodsDashboard.LoginSecretName, values, cancellationToken, $"{KeysLabel}={keys}")
            .ConfigureAwait(false);
        return new(id, Created: found is null, MadeAnew: found is not null);
    }

    /// <summary>Removes the Secret if this app's deploys made it; whether it did.</summary>
    public Task<bool> RemoveAsync(CancellationToken cancellationToken) =>
        PodmanSecrets.RemoveOursAsync(pods, options, KubernetesPodsDashboard.LoginSecretName, cancellationToken);

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


    private Task<PodmanSecrets.Found?> FindAsync(CancellationToken cancellationToken) =>
        PodmanSecrets.FindAsync(pods, KubernetesPodsDashboard.LoginSecretName, cancellationToken);
}
