using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Runtimes;

/// <summary>
/// Whose an object a runtime holds is, told by its labels: this app's when it carries
/// <c>app.kubernetes.io/managed-by=podsuite</c> and this app's <c>app.kubernetes.io/part-of</c>. Deploys and destroys
/// replace or remove only this app's.
/// </summary>
/// <param name="partOf">This app's part-of label value.</param>
internal sealed class AppOwnership(string partOf)
{
    public string PartOf => partOf;

    public bool Owns(IReadOnlyDictionary<string, string> labels) =>
        labels.GetValueOrDefault(ObjectMetadata.ManagedByLabel) == ObjectMetadata.ManagedBy && labels.GetValueOrDefault(ObjectMetadata.PartOfLabel) == partOf;

    /// <summary>Who an object that is not this app's belongs to, as a refusal says it.</summary>
    /// <param name="labels">Its labels.</param>
    /// <param name="notPodSuites">What to say of one PodSuite did not make, such as "was started by hand".</param>
    public static string Whose(IReadOnlyDictionary<string, string> labels, string notPodSuites) =>
        labels.GetValueOrDefault(ObjectMetadata.ManagedByLabel) != ObjectMetadata.ManagedBy
            ? $"{notPodSuites} (it has no {ObjectMetadata.ManagedByLabel}={ObjectMetadata.ManagedBy} label)"
            : $"belongs to another app, '{labels.GetValueOrDefault(ObjectMetadata.PartOfLabel)}' ({ObjectMetadata.PartOfLabel})";
}
