#pragma warning disable ASPIREPIPELINES001 // Aspire's publishing pipeline is experimental in 13.x.
using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using PodSuite.Hosting;
using PodSuite.Hosting.Kubernetes.Building;
using PodSuite.Hosting.Kubernetes.Runtimes;

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

    [Theory]
    [InlineData("Shop.Web", "shop.web")]
    [InlineData("My App.Web", "my-app.web")]
    [InlineData("Ünïcode.Notes", "n-code.notes")]
    [InlineData("a..b__c___d--e", "a-b__c-d--e")]
    [InlineData("_Shop_", "shop")]
    [InlineData("___", "web")]
    public void AProjectsImageRepositoryIsItsFileNameAsARegistryAcceptsIt(string fileName, string repository)
    {
        var builder = PodModel.CreatePublishingBuilder();
        var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "podsuite-fake-projects", "repository-names"));
        var path = Path.Combine(directory.FullName, $"{fileName}.csproj");
        File.WriteAllText(path, "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        var web = builder.AddProject("web", path);

        var image = PodImage.Of(web.Resource, Publisher.Options);

        Assert.Equal(repository, image.Repository);
        Assert.NotNull(ImageReferenceGrammar.Split(image.Name));
    }

    [Fact]
    public async Task OneImageIsBuiltAndPushedPerProjectEvenWhenTheProjectIsSeveralMembers()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var pod = builder.AddPod("mc2");
        var producer = builder.AddFakeProject("ipcdemo").WithArgs("produce").InPod(pod).RunsToCompletion();
        var consumer = builder.AddResource(new ProjectResource("consumer")).WithAnnotation(producer.Resource.Annotations.OfType<IProjectMetadata>().Single())
            .WithArgs("consume").InPod(pod).RunsToCompletion();
        builder.AddContainer("cache", "example/cache").InPod(builder.AddPod("other"));
        using var app = builder.Build();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();

        var images = PodImageSteps.Attach(PodPlan.From(model, PodServiceType.ClusterIP, new PublishReport()), Publisher.Options);

        Assert.Equal(["registry.example/ipcdemo:1.2.3"], images.Select(i => i.Name));
        Assert.Empty(consumer.Resource.Annotations.OfType<PipelineStepAnnotation>());
        var steps = await StepsOf(producer.Resource);
        Assert.Equal(["build-ipcdemo", "push-ipcdemo"], steps.Select(s => s.Name));
        Assert.All(steps, s => Assert.Contains("registry.example/ipcdemo:1.2.3", s.Description));
        Assert.Contains("build-ipcdemo", steps[1].DependsOnSteps);
        Assert.Contains(KubernetesPodsSteps.BuildImages, steps[0].RequiredBySteps);
        Assert.Contains(KubernetesPodsSteps.PushImages, steps[1].RequiredBySteps);
    }

    [Fact]
    public async Task TheImagesAreBuiltOneAfterAnother()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var pod = builder.AddPod("pod");
        var first = builder.AddFakeProject("first").InPod(pod);
        var second = builder.AddFakeProject("second").InPod(pod);
        using var app = builder.Build();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();

        PodImageSteps.Attach(PodPlan.From(model, PodServiceType.ClusterIP, new PublishReport()), Publisher.Options);

        Assert.Equal(["build-prereq", "check-container-runtime"], (await StepsOf(first.Resource))[0].DependsOnSteps);
        Assert.Contains("build-first", (await StepsOf(second.Resource))[0].DependsOnSteps);
    }

    [Fact]
    public async Task AspiresPushNamesEachImageAsTheManifestsDo()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var web = builder.AddFakeProject("web").InPod(builder.AddPod("pod"));
        var options = Publisher.Options;
        options.ImageTag = null;
        options.Registry = "ghcr.io/someone/";
        using var app = builder.Build();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        PodImageSteps.Attach(PodPlan.From(model, PodServiceType.ClusterIP, new PublishReport()), options);

        var pushed = await ((IValueProvider)new ContainerImageReference(web.Resource)).GetValueAsync(CancellationToken.None);

        Assert.Equal(Images.Of(web.Resource, options, new PublishReport()), pushed);
        Assert.Matches("^ghcr.io/someone/web:src-[0-9a-f]{12}$", pushed);
    }

    [Fact]
    public void TheDeploysSummaryHasARowPerPod()
    {
        DeployedPodStatus[] pods =
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
            DeployedPodStatus.Table(pods));
    }

    private static async Task<PipelineStep[]> StepsOf(IResource resource)
    {
        var annotation = Assert.Single(resource.Annotations.OfType<PipelineStepAnnotation>());
        return [.. await annotation.CreateStepsAsync(new PipelineStepFactoryContext { PipelineContext = null!, Resource = resource })];
    }
}
