namespace Hosting.Kubernetes.Tests;

/// <summary>The port an endpoint listens on in its container when published, and Aspire's choice in a local run.</summary>
public class ContainerPortTests
{
    [Fact]
    public void WhenPublishedTheEndpointListensOnTheContainerPort()
    {
        var builder = PodModel.CreatePublishingBuilder();
        Assert.True(builder.ExecutionContext.IsPublishMode);

        var webapp = builder.AddExecutable("webapp", "true", ".").WithHttpEndpoint().PublishWithContainerPort(5000);

        Assert.Equal(5000, Assert.Single(webapp.Resource.Annotations.OfType<EndpointAnnotation>()).TargetPort);
    }

    [Fact]
    public void InALocalRunAspireChoosesThePort()
    {
        var webapp = PodModel.CreateBuilder().AddExecutable("webapp", "true", ".").WithHttpEndpoint().PublishWithContainerPort(5000);

        Assert.Null(Assert.Single(webapp.Resource.Annotations.OfType<EndpointAnnotation>()).TargetPort);
    }

    [Fact]
    public void AMissingEndpointIsNamedWithTheFix()
    {
        var webapp = PodModel.CreateBuilder().AddExecutable("webapp", "true", ".").WithHttpEndpoint(name: "web");

        var error = Assert.Throws<DistributedApplicationException>(() => webapp.PublishWithContainerPort(5000));

        Assert.Contains("'webapp' has no endpoint named 'http'", error.Message);
    }

    [Fact]
    public async Task TwoMembersPublishedWithOneContainerPortFailNamingBoth()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var pod = builder.AddPod("mc3");
        builder.AddExecutable("webapp", "true", ".").InPod(pod).WithHttpEndpoint().PublishWithContainerPort(5000);
        builder.AddExecutable("proxy", "true", ".").InPod(pod).WithHttpEndpoint().PublishWithContainerPort(5000);

        var message = await builder.ValidationErrorAsync();

        Assert.Contains("'webapp' endpoint 'http' and 'proxy' endpoint 'http' of pod 'mc3' all declare target port 5000", message);
    }
}
