using Microsoft.Extensions.DependencyInjection;
using PodSuite.Hosting.Kubernetes.Building;
using PodSuite.Hosting.Kubernetes.Deploy;

namespace Hosting.Kubernetes.Tests;

/// <summary>What the build step builds, how, and under which tags the manifests name the images.</summary>
public class ImageBuildTests
{
    [Fact]
    public async Task ByDefaultTheManifestsNameEachImageByTheContentTagOfItsProject()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var web = builder.AddFakeProject("web").InPod(builder.AddPod("pod"));
        var options = Publisher.Options;
        options.ImageTag = null;

        var image = (await builder.MapAsync(options)).Pod("pod").Container("web").Image;

        Assert.Equal($"registry.example/web:{ContentTag.Of(web.Resource.GetProjectMetadata().ProjectPath, "|")}", image);
        Assert.Matches(":src-[0-9a-f]{12}$", image);
    }

    [Fact]
    public void OneImageIsBuiltPerProjectEvenWhenTheProjectIsSeveralMembers()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var pod = builder.AddPod("mc2");
        var producer = builder.AddFakeProject("ipcdemo").WithArgs("produce").InPod(pod).RunsToCompletion();
        builder.AddResource(new ProjectResource("consumer")).WithAnnotation(producer.Resource.Annotations.OfType<IProjectMetadata>().Single())
            .WithArgs("consume").InPod(pod).RunsToCompletion();
        builder.AddContainer("cache", "example/cache").InPod(builder.AddPod("other"));
        var model = builder.Build().Services.GetRequiredService<DistributedApplicationModel>();

        var images = KubernetesDeploying.ProjectImages(model, Publisher.Options, new PublishReport());

        Assert.Equal(["registry.example/ipcdemo:1.2.3"], images.Select(i => i.Name));
    }

    [Fact]
    public void AnImageIsBuiltByTheSdkContainerBuildAndPushedStraightToItsRegistry()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var web = builder.AddFakeProject("web");
        var image = ProjectImage.Of(web.Resource, Publisher.Options);

        var command = ImageBuilder.PublishContainer(image, "registry.example/dotnet/aspnet:10.0");

        Assert.Equal(
            $"dotnet publish {web.Resource.GetProjectMetadata().ProjectPath} -c Release -t:PublishContainer -nologo -v quiet " +
            "-p:ContainerRegistry=registry.example -p:ContainerRepository=web -p:ContainerImageTag=1.2.3 -p:ContainerBaseImage=registry.example/dotnet/aspnet:10.0",
            command.ToString());
        Assert.DoesNotContain("ContainerBaseImage", ImageBuilder.PublishContainer(image, baseImage: null).ToString());
    }

    [Fact]
    public async Task AnImageThatCannotBeBuiltFailsTheStepNamingTheResourceAndTheImage()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var image = ProjectImage.Of(builder.AddFakeProject("broken").Resource, Publisher.Options);   // a project with no code
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() =>
            new ImageBuilder(Publisher.Options, new ImageRegistry(http), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)
                .BuildAsync([image], CancellationToken.None));

        Assert.StartsWith("The image of 'broken', registry.example/broken:1.2.3, was not built and pushed: 'dotnet publish ", error.Message);
        Assert.Contains("failed (exit code 1)", error.Message);
    }

    [Fact]
    public void TheDeploysSummaryHasARowPerPod()
    {
        PodStatus[] pods =
        [
            new("mc1", false, [], [new("log-writer", "running", 0, 0, true, false), new("static-site", "running", 0, 1, true, false)], ["http://localhost:8081"]),
            new("mc2", true, [], [new("producer", "exited", 0, 0, true, false), new("consumer", "exited", 3, 0, false, true)], []),
            new("myapp-pod", false, [new("init-mydb", "running", 0, 0, false, false)], [new("myapp", "created", 0, 0, false, false)], []),
        ];

        Assert.Equal(
            """
            pod        containers ready  state     restarts  URLs
            mc1        2/2               Running   1         http://localhost:8081
            mc2        1/2               Failed    0         -
            myapp-pod  0/1               Starting  0         -
            """.ReplaceLineEndings("\n"),
            PodStatus.Table(pods));
    }
}
