using k8s;
using k8s.Models;
using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Runtimes.Kubectl;

/// <summary>
/// The Secrets a deploy makes in the cluster (the dashboard's login, the app's parameter values): found by name, and
/// made labelled as this app's, so that destroy finds them and a deploy never takes another's.
/// </summary>
internal static class KubectlSecrets
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    public static ExternalCommand Get(Func<string[], ExternalCommand> namespaced, string name) =>
        namespaced(["get", "secret", name, "--ignore-not-found", "-o", "json"]);

    /// <summary>The Secret the cluster holds under <paramref name="name"/>, or null.</summary>
    public static async Task<V1Secret?> FindAsync(Func<string[], ExternalCommand> namespaced, string name, CancellationToken cancellationToken)
    {
        var json = await Get(namespaced, name).RunCheckedAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
        return json.Trim().Length == 0 ? null : KubernetesJson.Deserialize<V1Secret>(json);
    }

    /// <summary>Its labels, as a dictionary (none for a Secret without labels).</summary>
    public static Dictionary<string, string> LabelsOf(V1Secret secret) => secret.Metadata.Labels?.ToDictionary() ?? [];

    /// <summary>A Secret with <paramref name="values"/>, carrying this app's PodSuite labels and <paramref name="more"/>.</summary>
    public static V1Secret Labelled(KubernetesPublishOptions options, string name, IReadOnlyDictionary<string, string> values, params (string Key, string Value)[] more)
    {
        var labels = new Dictionary<string, string>
        {
            [ObjectMetadata.ManagedByLabel] = ObjectMetadata.ManagedBy,
            [ObjectMetadata.PartOfLabel] = ObjectMetadata.PartOf(options),
        };
        foreach (var (key, value) in more)
        {
            labels[key] = value;
        }

        return new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = new V1ObjectMeta { Name = name, Labels = labels },
            StringData = values.ToDictionary(),
        };
    }
}
