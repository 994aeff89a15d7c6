using System.Text.Json;
using k8s;
using k8s.Models;

namespace PodSuite.Hosting.Kubernetes.Runtimes.Kubectl;

/// <summary>What the cluster holds of one object of the base, as <c>kubectl get -o json --show-managed-fields</c> says it.</summary>
/// <param name="Kind">Its kind.</param>
/// <param name="Name">Its name.</param>
/// <param name="Labels">Its labels.</param>
/// <param name="Annotations">Its annotations.</param>
/// <param name="Managers">The field managers of its fields.</param>
/// <param name="Failed">A Pod whose phase is Failed, or a Job with a Failed condition.</param>
internal sealed record ClusterObject(
    string Kind, string Name, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Annotations, IReadOnlyList<string> Managers, bool Failed)
{
    /// <summary>How kubectl names it: <c>kind/name</c>.</summary>
    public string Resource => $"{Kind.ToLowerInvariant()}/{Name}";

    public static string ResourceOf(IKubernetesObject<V1ObjectMeta> item) => $"{item.Kind.ToLowerInvariant()}/{item.Metadata.Name}";

    public string? Annotation(string key) => Annotations.GetValueOrDefault(key);

    /// <summary>The items of kubectl's List (or its one object); none for empty output (nothing found).</summary>
    public static IReadOnlyList<ClusterObject> ParseList(string json)
    {
        if (json.Trim().Length == 0)
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var items = root.TryGetProperty("items", out var list) ? list.EnumerateArray().ToList() : [root];
        return [.. items.Select(Parse)];
    }

    private static ClusterObject Parse(JsonElement item)
    {
        var metadata = item.GetProperty("metadata");
        var status = item.TryGetProperty("status", out var s) ? s : default;
        var failed = status.ValueKind == JsonValueKind.Object
            && ((status.TryGetProperty("phase", out var phase) && phase.GetString() == "Failed")
                || (status.TryGetProperty("conditions", out var conditions)
                    && conditions.EnumerateArray().Any(c => c.GetProperty("type").GetString() == "Failed" && c.GetProperty("status").GetString() == "True")));
        return new ClusterObject(
            item.GetProperty("kind").GetString()!,
            metadata.GetProperty("name").GetString()!,
            Strings(metadata, "labels"),
            Strings(metadata, "annotations"),
            metadata.TryGetProperty("managedFields", out var managed) ? [.. managed.EnumerateArray().Select(m => m.GetProperty("manager").GetString()!).Distinct()] : [],
            failed);
    }

    private static Dictionary<string, string> Strings(JsonElement metadata, string property) =>
        metadata.TryGetProperty(property, out var values) && values.ValueKind == JsonValueKind.Object
            ? values.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "")
            : [];
}
