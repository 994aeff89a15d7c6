using Microsoft.Extensions.DependencyInjection;

namespace AppHost.FunctionalTests;

/// <summary>
/// The demo app host on a machine with the .NET SDK only (no docker or podman on PATH): it starts, every pod without a
/// container runs, and the pods that hold one (the ambassador, the shards, monitoring) each show one state, with
/// every member not started.
/// </summary>
[Collection(WithoutAContainerRuntimeCollection.Name)]
public sealed class WithoutAContainerRuntimeTests(WithoutAContainerRuntimeFixture app)
{
    public static readonly string[] HeldBack =
        ["ambassador", "counter", "twemproxy", "shard-a", "redis-a", "exporter-a", "shard-b", "redis-b", "exporter-b", "monitoring", "prometheus"];

    [Fact]
    public async Task ThePodsThatHoldAContainerShowThatTheyNeedARuntimeAndTheOthersRun()
    {
        using var timeout = new CancellationTokenSource(PodSuiteAppFixture.StartTimeout);
        foreach (var resource in HeldBack)
        {
            var state = await app.App.ResourceNotifications.WaitForResourceAsync(resource, e => e.Snapshot.State?.Text == "Needs a container runtime", timeout.Token);
            Assert.Null(state.Snapshot.StartTimeStamp);
        }

        await app.App.ResourceNotifications.WaitForResourceHealthyAsync("webapp", timeout.Token);
        await app.App.ResourceNotifications.WaitForResourceHealthyAsync("myapp", timeout.Token);
        // Still so once the other pods are up; and a later report of another state (as Aspire's orchestrator makes when
        // it looks at a container again) is replaced by it.
        foreach (var resource in HeldBack)
        {
            Assert.True(app.App.ResourceNotifications.TryGetCurrentState(resource, out var current));
            Assert.Equal("Needs a container runtime", current.Snapshot.State?.Text);
        }

        var redis = app.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "redis-a");
        await app.App.ResourceNotifications.PublishUpdateAsync(redis, s => s with { State = KnownResourceStates.RuntimeUnhealthy });
        await app.App.ResourceNotifications.WaitForResourceAsync("redis-a", e => e.Snapshot.State?.Text == "Needs a container runtime", timeout.Token);
    }
}

public sealed class WithoutAContainerRuntimeFixture : IAsyncLifetime
{
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app host has not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(PodSuiteAppFixture.StartTimeout);
        // A PATH with the .NET SDK's directory only (no docker, no podman), and Aspire's orchestrator told to use docker,
        // which these machines do not have. Aspire's testing builder waits 30 s for a runtime and then fails; `dotnet run`
        // does not wait (a timeout of zero), and that is what this test is of.
        var dotnet = Path.GetDirectoryName(Environment.ProcessPath)!;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            ["--DcpPublisher:RandomizePorts=true", $"--PATH={dotnet}", "--DcpPublisher:ContainerRuntime=docker",
             "--DcpPublisher:ContainerRuntimeInitializationTimeout=00:00:00"],
            (options, _) => options.DisableDashboard = true,
            timeout.Token);
        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WithoutAContainerRuntimeCollection : ICollectionFixture<WithoutAContainerRuntimeFixture>
{
    public const string Name = "PodSuite app host without a container runtime";
}
