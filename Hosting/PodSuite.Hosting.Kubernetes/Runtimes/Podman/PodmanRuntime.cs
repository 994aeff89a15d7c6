namespace PodSuite.Hosting.Kubernetes.Runtimes.Podman;

/// <summary>
/// <c>podman kube play</c> (podman 4.3) on one machine: the manifests rewritten for it, other pods reached through the
/// host, and the pods played one at a time.
/// </summary>
internal static class PodmanRuntime
{
    public static RuntimeTarget Target { get; } = new(
        new PodmanAddresses(), new PodmanManifests(),
        context => new PodmanDeployment(context.Options, new PodmanPods(context.Http), context.Logger, context.WorkDirectory));
}
