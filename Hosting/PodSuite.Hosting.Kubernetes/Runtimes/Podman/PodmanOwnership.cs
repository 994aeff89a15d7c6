using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Runtimes.Podman;

/// <summary>
/// Whose a pod or volume on this machine is, told by its labels. It is this app's when it carries
/// <c>app.kubernetes.io/managed-by=podsuite</c> and this app's <c>app.kubernetes.io/part-of</c>; a deploy or destroy
/// replaces or removes only what is this app's. One rule adopts what earlier versions made: they labelled their pods but
/// not their volumes, so a volume with no labels at all, named after its pod as PodSuite names them
/// (<c>&lt;pod&gt;-&lt;volume&gt;</c>), is this app's while that pod is.
/// </summary>
/// <param name="partOf">This app's part-of label value.</param>
internal sealed class PodmanOwnership(string partOf)
{
    public string PartOf => partOf;

    /// <summary>The labels a pod or volume of this app is made with.</summary>
    public IReadOnlyList<string> LabelArguments =>
        ["--label", $"{ObjectMetadata.ManagedByLabel}={ObjectMetadata.ManagedBy}", "--label", $"{ObjectMetadata.PartOfLabel}={partOf}"];

    public bool Owns(IReadOnlyDictionary<string, string> labels) =>
        labels.GetValueOrDefault(ObjectMetadata.ManagedByLabel) == ObjectMetadata.ManagedBy && labels.GetValueOrDefault(ObjectMetadata.PartOfLabel) == partOf;

    /// <param name="labels">The volume's labels.</param>
    /// <param name="podLabels">The labels of the pod it is named after; <see langword="null"/> when there is no such pod.</param>
    public bool OwnsVolume(IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string>? podLabels) =>
        Owns(labels) || (labels.Count == 0 && podLabels is not null && Owns(podLabels));

    /// <summary>Who a pod or volume that is not this app's belongs to, as the deploy's refusal says it.</summary>
    /// <param name="labels">Its labels.</param>
    /// <param name="made">How one made by hand was made: a pod "started", a volume "made".</param>
    public static string Whose(IReadOnlyDictionary<string, string> labels, string made) =>
        labels.GetValueOrDefault(ObjectMetadata.ManagedByLabel) != ObjectMetadata.ManagedBy
            ? $"was {made} by hand (it has no {ObjectMetadata.ManagedByLabel}={ObjectMetadata.ManagedBy} label)"
            : $"belongs to another app, '{labels.GetValueOrDefault(ObjectMetadata.PartOfLabel)}' ({ObjectMetadata.PartOfLabel})";
}
