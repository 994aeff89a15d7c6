using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting.ApplicationModel;
using PodSuite.Hosting.Kubernetes.Planning;
using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Runtimes;

/// <summary>
/// The app's Secret as a deploy makes it: every key the pods read, with the values Aspire resolves now (configuration,
/// user secrets, and the deployment state where it keeps the passwords it generated, so a later deploy gets the same
/// ones). Its values go to the runtime on standard input alone. A pod carries the hash of the values it reads, so a
/// changed value restarts the pods that read it, and only those.
/// </summary>
internal sealed class AppSecrets
{
    /// <summary>The label that marks the app's Secret as data: destroy keeps it, with the volumes it opens.</summary>
    public const string DataLabel = Rendering.ObjectMetadata.DataLabel;

    /// <summary>The annotation on a pod's template with the hash of the Secret's values it reads.</summary>
    public const string HashAnnotation = "podsuite.io/secrets";

    private AppSecrets(IReadOnlyDictionary<string, string> values) => Values = values;

    /// <summary>Each key and its value.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>The hash of every value, which a runtime that cannot change a secret compares.</summary>
    public string Hash => HashOf(Values.Keys);

    /// <summary>The values of the keys the pods read, or null when they read none.</summary>
    public static async Task<AppSecrets?> ResolveAsync(IReadOnlyList<PodManifest> pods, CancellationToken cancellationToken)
    {
        var keys = pods.SelectMany(p => p.SecretValues ?? []).DistinctBy(v => v.Key).ToList();
        if (keys.Count == 0)
        {
            return null;
        }

        var parameters = new Dictionary<ParameterResource, string>();
        foreach (var parameter in keys.SelectMany(k => k.Parameters).Distinct())
        {
            parameters[parameter] = await ParameterValues.GetAsync(parameter, cancellationToken).ConfigureAwait(false);
        }

        return new AppSecrets(keys.ToDictionary(k => k.Key, k => k.Compose(parameters)));
    }

    /// <summary>The hash of the values <paramref name="pod"/> reads, or null when it reads none.</summary>
    public string? HashFor(PodManifest pod) => pod.SecretValues is { Count: > 0 } read ? HashOf(read.Select(v => v.Key)) : null;

    private string HashOf(IEnumerable<string> keys)
    {
        var text = new StringBuilder();
        foreach (var key in keys.Distinct().Order(StringComparer.Ordinal))
        {
            text.Append(key).Append('=').Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(Values[key]))).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
