namespace AppHost.FunctionalTests;

/// <summary>The composition of the demo pods, read from the app model without starting anything.</summary>
public sealed class AppHostModelTests : IAsyncLifetime
{
    private IDistributedApplicationTestingBuilder _builder = null!;

    public async Task InitializeAsync() => _builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>();

    public async Task DisposeAsync() => await _builder.DisposeAsync();

    [Fact]
    public void TheWebAppHasNoExternalEndpoint()
    {
        var endpoints = Endpoints("webapp");

        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e => Assert.False(e.IsExternal, $"webapp endpoint '{e.Name}' is external"));
    }

    [Fact]
    public async Task TheWebAppListensOnPort5000InItsPodAndOnAnAspireChosenPortLocally()
    {
        await using var publishing = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(["--operation", "publish"]);
        Assert.True(publishing.ExecutionContext.IsPublishMode);

        Assert.Equal([("http", 5000)], Endpoints(publishing, "webapp").Select(e => (e.Name, e.TargetPort ?? 0)));
        Assert.All(Endpoints("webapp"), e => Assert.Null(e.TargetPort));
    }

    [Theory]
    [InlineData("proxy", 8080)]
    [InlineData("static-site", 8081)]
    [InlineData("myapp", 8082, "http")]
    [InlineData("myapp", 8083, "admin")]
    public void TheExternalEndpointsHaveTheLocalPortsTheReadmeLists(string resource, int port, string name = "http")
    {
        var endpoint = Assert.Single(Endpoints(resource), e => e.Name == name);

        Assert.True(endpoint.IsExternal);
        Assert.Equal(port, endpoint.Port);
    }

    [Theory]
    [InlineData("mc1", new[] { "log-writer", "static-site" })]
    [InlineData("mc2", new[] { "producer", "consumer" })]
    [InlineData("mc3", new[] { "webapp", "proxy" })]
    [InlineData("myapp-pod", new[] { "init-myservice", "init-mydb", "myapp" })]
    public void EachPodHoldsItsContainers(string pod, string[] members)
    {
        var podResource = Assert.Single(_builder.Resources.OfType<PodResource>(), p => p.Name == pod);

        Assert.Equal(members, _builder.Resources
            .Where(r => r.Annotations.OfType<PodMemberAnnotation>().Any(a => a.Pod == podResource))
            .Select(r => r.Name));
    }

    [Fact]
    public void BothContainersOfMc1MountItsSharedVolume()
    {
        var html = Assert.Single(Assert.Single(_builder.Resources.OfType<PodResource>(), p => p.Name == "mc1").SharedVolumes);

        Assert.Equal(["log-writer", "static-site"], _builder.Resources
            .Where(r => r.Annotations.OfType<SharedVolumeMountAnnotation>().Any(m => m.Volume == html))
            .Select(r => r.Name));
    }

    [Fact]
    public void EachInitStepWaitsForTheCompletionOfTheOneBefore()
    {
        Assert.Equal("init-myservice", WaitedForCompletion("init-mydb"));
        Assert.Equal("init-mydb", WaitedForCompletion("myapp"));
        Assert.Null(WaitedForCompletion("init-myservice"));
    }

    private string? WaitedForCompletion(string resource) =>
        Assert.Single(_builder.Resources, r => r.Name == resource).Annotations.OfType<WaitAnnotation>()
            .SingleOrDefault(w => w.WaitType == WaitType.WaitForCompletion)?.Resource.Name;

    private List<EndpointAnnotation> Endpoints(string resource) => Endpoints(_builder, resource);

    private static List<EndpointAnnotation> Endpoints(IDistributedApplicationTestingBuilder builder, string resource) =>
        Assert.Single(builder.Resources, r => r.Name == resource).Annotations.OfType<EndpointAnnotation>().ToList();
}
