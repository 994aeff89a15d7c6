namespace PodSuite.Hosting.Kubernetes.Runtimes.Kubectl;

/// <summary>A Kubernetes cluster: the plain manifests as they are, other pods at their Services' names, and kubectl.</summary>
internal static class KubectlRuntime
{
    public static RuntimeTarget Target { get; } = new(
        new ServiceAddresses(), new PlainManifests(), context => new KubectlDeployment(context.Options, context.Logger, context.WorkDirectory));
}
