namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>What a member's container is in its pod, which decides its probes and restart policy.</summary>
internal enum ContainerRole
{
    /// <summary>A regular container of the pod.</summary>
    App,

    /// <summary>An init container that runs to completion before the next one starts.</summary>
    InitStep,

    /// <summary>An init container that keeps running (restartPolicy Always), awaited through a startup probe.</summary>
    NativeSidecar,
}
