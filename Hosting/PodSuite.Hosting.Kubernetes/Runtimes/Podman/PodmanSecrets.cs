using System.Text;
using System.Text.Json;
using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Runtimes.Podman;

/// <summary>
/// Kubernetes Secrets as podman 4.3 keeps them for <c>kube play</c>'s <c>secretKeyRef</c>: a podman secret whose
/// content is a JSON object of base64 values, labelled as PodSuite's and this app's, made from standard input.
/// </summary>
internal static class PodmanSecrets
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(1);

    /// <summary>A podman secret: its ID and labels.</summary>
    public sealed record Found(string Id, Dictionary<string, string> Labels);

    private sealed record SecretSpec(Dictionary<string, string>? Labels);

    private sealed record InspectedSecret(string Id, SecretSpec Spec);

    /// <summary>The secret podman holds under <paramref name="name"/>, or null.</summary>
    public static async Task<Found?> FindAsync(PodmanPods pods, string name, CancellationToken cancellationToken)
    {
        var (exitCode, _, output) = await pods.Command("secret", "inspect", name).RunAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            return null;
        }

        var secret = JsonSerializer.Deserialize<InspectedSecret[]>(output, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!.Single();
        return new Found(secret.Id, secret.Spec.Labels ?? []);
    }

    /// <summary>Removes the secret if it is this app's; whether it did.</summary>
    public static async Task<bool> RemoveOursAsync(PodmanPods pods, KubernetesPublishOptions options, string name, CancellationToken cancellationToken)
    {
        if (await FindAsync(pods, name, cancellationToken).ConfigureAwait(false) is not { } found || !Ours(found, options))
        {
            return false;
        }

        await pods.Command("secret", "rm", name).RunCheckedAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public static bool Ours(Found secret, KubernetesPublishOptions options) => new AppOwnership(ObjectMetadata.PartOf(options)).Owns(secret.Labels);

    /// <summary>Creates the secret with this app's labels and <paramref name="labels"/>; its ID.</summary>
    public static async Task<string> CreateAsync(
        PodmanPods pods, KubernetesPublishOptions options, string name, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken,
        params string[] labels)
    {
        var content = JsonSerializer.Serialize(values.ToDictionary(k => k.Key, k => Convert.ToBase64String(Encoding.UTF8.GetBytes(k.Value))));
        string[] arguments =
        [
            "secret", "create",
            "--label", $"{ObjectMetadata.ManagedByLabel}={ObjectMetadata.ManagedBy}",
            "--label", $"{ObjectMetadata.PartOfLabel}={ObjectMetadata.PartOf(options)}",
            .. labels.SelectMany(l => new[] { "--label", l }),
            name, "-",
        ];
        return (await pods.Command(arguments).RunCheckedAsync(CommandTimeout, cancellationToken, content).ConfigureAwait(false)).Trim();
    }
}
