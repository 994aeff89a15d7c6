using Aspire.Hosting;
using PodSuite.Hosting.Kubernetes.Planning;
using PodSuite.Hosting.Kubernetes.Rendering;

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

    /// <summary>Null when it may be made; else why not, for the deploy's refusal.</summary>
    public async Task<string?> RefusalAsync(CancellationToken cancellationToken) =>
        await PodmanSecrets.FindAsync(pods, Name, cancellationToken).ConfigureAwait(false) is { } found
            && !new AppOwnership(ObjectMetadata.PartOf(options)).Owns(found.Labels)
            ? $"secret '{Name}' {AppOwnership.Whose(found.Labels, "was made by hand")}: remove it with '{pods.Command("secret", "rm", Name)}'"
            : null;

    /// <summary>Makes it hold <paramref name="secrets"/>; whether it changed.</summary>
    public async Task<bool> EnsureAsync(AppSecrets secrets, CancellationToken cancellationToken)
    {
        var found = await PodmanSecrets.FindAsync(pods, Name, cancellationToken).ConfigureAwait(false);
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
    public async Task<bool> RemoveAsync(CancellationToken cancellationToken)
    {
        if (await PodmanSecrets.FindAsync(pods, Name, cancellationToken).ConfigureAwait(false) is not { } found
            || !new AppOwnership(ObjectMetadata.PartOf(options)).Owns(found.Labels))
        {
            return false;
        }

        await pods.Command("secret", "rm", Name).RunCheckedAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Thrown where a deploy must stop before anything changes.</summary>
    public static DistributedApplicationException Refused(string why) => new($"The deploy failed, and changed nothing: {why}");
}
