using Aspire.Hosting;
using PodSuite.Hosting.Kubernetes.Planning;

namespace PodSuite.Hosting.Kubernetes.Runtimes.Podman;

/// <summary>
/// The app's Secret under podman (<see cref="AppSecrets"/>). Podman's secrets cannot be changed: one whose values
/// differ (a label holds their hash) is removed and made anew, and the pods that read a changed value are played again,
/// since the hash of what they read is part of their spec hash. One of that name that is not this app's is refused.
/// </summary>
internal sealed class PodmanAppSecret(PodmanPods pods, KubernetesPublishOptions options)
{
    private const string ValuesLabel = "podsuite.io/values";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(1);

    public string Name => AppSecretValue.SecretName(options);

    /// <summary>The Secret podman holds under its name, or null; fails, before anything changes, when it is not this app's.</summary>
    public async Task<PodmanSecrets.Found?> FindAsync(CancellationToken cancellationToken)
    {
        var found = await PodmanSecrets.FindAsync(pods, Name, cancellationToken).ConfigureAwait(false);
        return found is null || PodmanSecrets.Ours(found, options)
            ? found
            : throw new DistributedApplicationException(
                $"The deploy failed, and changed nothing: secret '{Name}' {AppOwnership.Whose(found.Labels, "was made by hand")}, and PodSuite keeps " +
                $"the app's parameter values in it: remove it with '{pods.Command("secret", "rm", Name)}'.");
    }

    /// <summary>Makes it hold <paramref name="secrets"/>, given what <see cref="FindAsync"/> found; whether it changed.</summary>
    public async Task<bool> EnsureAsync(PodmanSecrets.Found? found, AppSecrets secrets, CancellationToken cancellationToken)
    {
        if (found?.Labels.GetValueOrDefault(ValuesLabel) == secrets.Hash)
        {
            return false;
        }

        if (found is not null)
        {
            await pods.Command("secret", "rm", Name).RunCheckedAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
        }

        await PodmanSecrets.CreateAsync(pods, options, Name, secrets.Values, cancellationToken, $"{ValuesLabel}={secrets.Hash}", $"{AppSecrets.DataLabel}=true")
            .ConfigureAwait(false);
        return true;
    }

    /// <summary>Removes it, if it is this app's; whether it did.</summary>
    public Task<bool> RemoveAsync(CancellationToken cancellationToken) => PodmanSecrets.RemoveOursAsync(pods, options, Name, cancellationToken);
}
