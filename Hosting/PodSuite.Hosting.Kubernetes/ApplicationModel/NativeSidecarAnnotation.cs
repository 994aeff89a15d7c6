namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Publishes a pod member as a native sidecar (Kubernetes 1.29+): an init container with <c>restartPolicy: Always</c>
/// and a startup probe, so that members that WaitFor it start only once it is up.
/// </summary>
public sealed class NativeSidecarAnnotation : IResourceAnnotation;
