namespace Hosting.UnitTests;

/// <summary>
/// <c>PodSuite:Images:&lt;resource&gt;</c> replaces a container's image before anything starts, for a machine that cannot
/// reach the registry the integration names; a setting that cannot be applied stops the app host, naming it.
/// </summary>
public sealed class ImageOverrideTests
{
    [Theory]
    [InlineData("localhost:5055/debian/redis:7.0", "localhost:5055", "debian/redis", "7.0", null)]
    [InlineData("registry.example/team/redis", "registry.example", "team/redis", null, null)]
    [InlineData("redis:7", null, "redis", "7", null)]
    [InlineData("team/redis:7", null, "team/redis", "7", null)]
    [InlineData("mirror.example:8443/redis@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "mirror.example:8443", "redis", null, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public async Task AConfiguredImageReplacesTheContainersImage(string setting, string? registry, string image, string? tag, string? digest)
    {
        var builder = PodModel.CreateBuilder($"--PodSuite:Images:cache={setting}");
        var cache = builder.AddContainer("cache", "docker.io/library/redis", "8.6").InPod(builder.AddPod("data"));

        await using var app = await builder.BuildAndPrepareAsync();

        var annotation = cache.Resource.Annotations.OfType<ContainerImageAnnotation>().Last();
        Assert.Equal((registry, image, tag, digest), (annotation.Registry, annotation.Image, annotation.Tag, annotation.SHA256));
    }

    [Fact]
    public async Task WithoutTheSettingTheImageIsTheModels()
    {
        var builder = PodModel.CreateBuilder();
        var cache = builder.AddContainer("cache", "docker.io/library/redis", "8.6").InPod(builder.AddPod("data"));

        await using var app = await builder.BuildAndPrepareAsync();

        Assert.True(cache.Resource.TryGetContainerImageName(out var image));
        Assert.Equal("docker.io/library/redis:8.6", image);
    }

    [Theory]
    [InlineData("--PodSuite:Images:cahce=localhost:5055/redis:7.0", "'PodSuite:Images:cahce' names no resource of this app host")]
    [InlineData("--PodSuite:Images:cache=Not An Image", "'PodSuite:Images:cache' is 'Not An Image', not an image reference")]
    [InlineData("--PodSuite:Images:pod=localhost:5055/redis:7.0", "'PodSuite:Images:pod' names 'pod', which has no container image to replace")]
    [InlineData("--PodSuite:Images:built=localhost:5055/built:1", "'PodSuite:Images:built' names 'built', which is built from its Dockerfile, so an image given here would not be used")]
    public async Task ASettingThatCannotBeAppliedStopsTheAppHostNamingIt(string setting, string error)
    {
        var builder = PodModel.CreateBuilder(setting);
        builder.AddContainer("cache", "docker.io/library/redis", "8.6").InPod(builder.AddPod("pod"));
        builder.AddDockerfile("built", Path.GetTempPath());

        var thrown = await Assert.ThrowsAsync<DistributedApplicationException>(() => builder.BuildAndPrepareAsync());

        Assert.StartsWith("The images configured under 'PodSuite:Images' cannot be used:", thrown.Message);
        Assert.Contains(error, thrown.Message);
    }
}
