using Aspire.Hosting.ApplicationModel;
using k8s.Models;
using PodSuite.Hosting.Kubernetes.Planning;
using PodSuite.Hosting.Kubernetes.Validation;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>The names, namespace and labels of the objects of one publish.</summary>
internal sealed class ObjectMetadata(KubernetesPublishOptions options)
{
    public const string NameLabel = "app.kubernetes.io/name";
    public const string ComponentLabel = "app.kubernetes.io/component";
    public const string PartOfLabel = "app.kubernetes.io/part-of";
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string ManagedBy = "podsuite";

    /// <summary>The label that marks an object as the app's data (its Secret, its volumes' claims): destroy keeps them.</summary>
    public const string DataLabel = "podsuite.io/data";

    private readonly string _partOf = PartOf(options);

    /// <summary>Checks the settings that end up in every object: the namespace, and the application's label.</summary>
    public static void Check(KubernetesPublishOptions options, PublishReport report)
    {
        if (options.Namespace is { } ns && KubernetesRules.Dns1123Label.Check(ns, $"Namespace '{ns}'") is { } problem)
        {
            report.Errors.Add($"{problem} Choose another with --{KubernetesPublishOptions.Section}:{nameof(options.Namespace)}=... or in {nameof(Aspire.Hosting.KubernetesPodsExtensions.WithProperties)}.");
        }

        if (KubernetesRules.LabelValue.Check(PartOf(options), $"Label value '{PartOf(options)}' of {PartOfLabel}") is { } labelProblem)
        {
            report.Errors.Add($"{labelProblem} It comes from the app host's name unless set; set a shorter one with --{KubernetesPublishOptions.Section}:{nameof(options.PartOf)}=....");
        }
    }

    /// <summary>The value of the part-of label: the configured one or the app host's name, as a label value.</summary>
    public static string PartOf(KubernetesPublishOptions options) => KubernetesRules.Slug(options.PartOf ?? "aspire");

    public V1ObjectMeta Named(string name, IDictionary<string, string> labels) =>
        new() { Name = name, NamespaceProperty = options.Namespace, Labels = labels };

    /// <summary>The labels that select a pod's containers: its name and the application's.</summary>
    public Dictionary<string, string> SelectorOf(PodPlan pod) => new()
    {
        [NameLabel] = pod.Name,
        [PartOfLabel] = _partOf,
    };

    /// <summary>The labels of a pod and of its Services: the selector's, its first app container, and PodSuite as manager.</summary>
    public Dictionary<string, string> LabelsOf(PodPlan pod, IResource firstAppContainer) => new(SelectorOf(pod))
    {
        [ComponentLabel] = firstAppContainer.Name,
        [ManagedByLabel] = ManagedBy,
    };
}
