namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// How the app host's named volumes (<c>WithVolume("name", target)</c>, <c>WithDataVolume()</c>) are published: by
/// default a PersistentVolumeClaim each, so their data outlives the pod. Set in code
/// (<c>WithProperties(k =&gt; k.Volumes.Size = "5Gi")</c>) or by configuration (<c>--PodSuite:Volumes:Size=5Gi</c>).
/// </summary>
public sealed class KubernetesPodsVolumes
{
    /// <summary>The access modes a claim may ask for.</summary>
    public static readonly IReadOnlyList<string> AccessModes = ["ReadWriteOnce", "ReadWriteOncePod", "ReadWriteMany", "ReadOnlyMany"];

    /// <summary>
    /// Whether a named volume is a claim (the default); when false, an emptyDir, whose data goes with its pod, as
    /// Aspire's own Kubernetes publisher makes it by default: for a throwaway environment.
    /// </summary>
    public bool Persistent { get; set; } = true;

    /// <summary>The storage each claim asks for, a Kubernetes quantity: <c>1Gi</c> by default.</summary>
    public string Size { get; set; } = "1Gi";

    /// <summary>
    /// The claims' access mode: <c>ReadWriteOnce</c> by default (one node at a time, which every storage class offers;
    /// a Deployment with such a claim is replaced whole, and cannot have replicas); <c>ReadWriteMany</c> where the
    /// storage class offers it.
    /// </summary>
    public string AccessMode { get; set; } = "ReadWriteOnce";

    /// <summary>The claims' storage class; by default none is named, and the cluster's default class is used.</summary>
    public string? StorageClass { get; set; }

    internal KubernetesPodsVolumes Copy() => (KubernetesPodsVolumes)MemberwiseClone();
}
