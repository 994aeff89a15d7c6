using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Runtimes.Podman;

/// <summary>
/// Whose a pod or volume on this machine is (<see cref="AppOwnership"/>), with podman's one rule more: it adopts what
/// earlier versions made. They labelled their pods but not their volumes, so a volume with no labels at all, named after
/// its pod as PodSuite names them (<c>&lt;pod&gt;-&lt;volume&gt;</c>), is this app's while that pod is.
/// </summary>
/// <param name="app">This app's ownership.</param>
internal sealed class PodmanOwnership(AppOwnership app)
{
    public string PartOf => app.PartOf;

    /// <summary>The labels a pod or volume of this app is made with.</summary>
    public IReadOnlyList<string> LabelArguments =>
        ["--label", $"{ObjectMetadata.ManagedByLabel}={ObjectMetadata.ManagedBy}", "--label", $"{ObjectMetadata.PartOfLabel}={app.PartOf}"];

    public bool Owns(IReadOnlyDictionary<string, string> labels) => app.Owns(labels);

    /// <param name="labels">The volume's labels.</param>
    /// <param name="podLabels">The labels of the pod it is named after; <see langword="null"/> when there is no such pod.</param>
    public bool OwnsVolume(IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string>? podLabels) =>
        app.Owns(labels) || (labels.Count == 0 && podLabels is not null && app.Owns(podLabels));
}
