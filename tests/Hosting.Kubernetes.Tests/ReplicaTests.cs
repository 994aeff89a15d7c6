namespace Hosting.Kubernetes.Tests;

/// <summary>
/// A pod's replicas come from its members (Aspire's <c>WithReplicas</c>), and members that do not say follow; a count
/// that cannot hold is an error naming the members; podman runs one copy, and says so.
/// </summary>
public class ReplicaTests
{
    [Fact]
    public async Task AMembersReplicasAreThePodsAndItsSidecarGoesWithIt()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var pod = builder.AddPod("web");
        builder.AddFakeProject("app").InPod(pod).WithReplicas(3);
        builder.AddContainer("sidecar", "example/sidecar").InPod(pod);
        builder.AddContainer("alone", "example/alone");

        var pods = await builder.MapAsync();

        Assert.Equal(3, ((V1Deployment)pods.Pod("web").Workload).Spec.Replicas);
        Assert.Equal(["app", "sidecar"], pods.Pod("web").PodSpec.Containers.Select(c => c.Name).Order());
        Assert.Equal(1, ((V1Deployment)pods.Pod("alone").Workload).Spec.Replicas);
    }

    [Fact]
    public async Task TwoMembersAskingForDifferentCountsIsAnErrorNamingBoth()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var pod = builder.AddPod("web");
        builder.AddFakeProject("app").InPod(pod).WithReplicas(3);
        builder.AddFakeProject("worker").InPod(pod).WithReplicas(2);

        var error = await builder.MappingErrorAsync();

        Assert.Contains("Pod 'web' cannot run as many copies as each of its members asks: 'app' asks for 3, 'worker' asks for 2. " +
                        "A pod's members run together, so give them one count (WithReplicas), or put them in pods of their own.", error);
    }

    [Fact]
    public async Task CopiesOfAPodThatRunsToCompletionAreAnError()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddFakeProject("batch").InPod(builder.AddPod("jobs")).RunsToCompletion().WithReplicas(2);

        var error = await builder.MappingErrorAsync();

        Assert.Contains("'batch' asks for 2 replicas, but pod 'jobs' runs to completion, once.", error);
    }

    [Fact]
    public async Task CopiesSharingAReadWriteOnceClaimAreAnError()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var pod = builder.AddPod("web");
        builder.AddFakeProject("app").InPod(pod).WithReplicas(2);
        builder.AddContainer("files", "example/files").InPod(pod).WithVolume("files-data", "/srv");

        var error = await builder.MappingErrorAsync();

        Assert.Contains("'app' asks for 2 replicas, but pod 'web' mounts a claim of a named volume, which one node at a time may mount", error);
    }

    [Fact]
    public async Task PodmanRunsOneCopyAndSaysSo()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddFakeProject("app").InPod(builder.AddPod("web")).WithReplicas(3);
        var report = new PublishReport();

        var pod = (await builder.MapAsync(report, Publisher.ForPodman)).Pod("web");

        Assert.IsType<V1Pod>(pod.Workload);
        Assert.Contains("Pod 'web' asks for 3 replicas; podman runs one: a pod is played once on this machine, and its host ports could not be published twice.", report.Warnings);
    }
}
