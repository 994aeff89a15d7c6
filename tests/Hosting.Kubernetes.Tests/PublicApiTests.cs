namespace Hosting.Kubernetes.Tests;

public class PublicApiTests
{
    [Fact]
    public void ThePublicApiOfPodSuiteHostingKubernetesIsTheReviewedOne() =>
        Snapshot.Match(
            "Hosting/PodSuite.Hosting.Kubernetes/api/PodSuite.Hosting.Kubernetes.cs", PublicApi.Of(typeof(KubernetesPodsEnvironmentResource).Assembly));
}
