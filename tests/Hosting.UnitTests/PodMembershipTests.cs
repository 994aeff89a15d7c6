namespace Hosting.UnitTests;

public class PodMembershipTests
{
    [Fact]
    public void APodIsTheDashboardParentOfItsMembers()
    {
        var builder = PodModel.CreateBuilder();
        var pod = builder.AddPod("pod");
        var member = builder.AddExecutable("member", "true", ".").InPod(pod);

        var relationship = Assert.Single(member.Resource.Annotations.OfType<ResourceRelationshipAnnotation>());
        Assert.Same(pod.Resource, relationship.Resource);
        Assert.Equal("Parent", relationship.Type);
        Assert.Equal([member.Resource], pod.Resource.GetMembers(builder.Build().Services.GetModel()));
    }

    [Fact]
    public void APodAppearsInTheDashboardAsAPodThatHasNotStarted()
    {
        var pod = PodModel.CreateBuilder().AddPod("pod");

        var snapshot = Assert.Single(pod.Resource.Annotations.OfType<ResourceSnapshotAnnotation>()).InitialSnapshot;
        Assert.Equal("Pod", snapshot.ResourceType);
        Assert.Equal(KnownResourceStates.NotStarted, snapshot.State?.Text);
    }

    [Fact]
    public void PuttingAResourceInTheSamePodTwiceKeepsOneMembership()
    {
        var builder = PodModel.CreateBuilder();
        var pod = builder.AddPod("pod");
        var member = builder.AddExecutable("member", "true", ".").InPod(pod).InPod(pod);

        Assert.Single(member.Resource.Annotations.OfType<PodMemberAnnotation>());
        Assert.Single(member.Resource.Annotations.OfType<ResourceRelationshipAnnotation>());
    }

    [Fact]
    public void APodIsLeftOutOfAspiresOwnManifest()
    {
        var pod = PodModel.CreateBuilder().AddPod("pod");

        Assert.Contains(pod.Resource.Annotations.OfType<ManifestPublishingCallbackAnnotation>(), a => a.Callback is null);
    }
}

internal static class ServiceProviderExtensions
{
    public static DistributedApplicationModel GetModel(this IServiceProvider services) =>
        (DistributedApplicationModel)services.GetService(typeof(DistributedApplicationModel))!;
}
