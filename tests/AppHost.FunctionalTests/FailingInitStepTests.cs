namespace AppHost.FunctionalTests;

/// <summary>
/// The app host with init-myservice pointed at a dependency that never answers: its own app host, since the shared
/// one must succeed.
/// </summary>
public sealed class FailingInitStepTests : IAsyncLifetime
{
    private DistributedApplication _app = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(PodSuiteAppFixture.StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            ["--DcpPublisher:RandomizePorts=true"], (options, _) => options.DisableDashboard = true, timeout.Token);
        var initMyService = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "init-myservice");
        builder.CreateResourceBuilder(initMyService)
            .WithEnvironment("InitMyService__Url", "http://127.0.0.1:9/health")
            .WithEnvironment("InitMyService__Timeout", "00:00:02");
        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task AFailingInitStepIsShownFailedAndKeepsTheAppFromStarting()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var notifications = _app.ResourceNotifications;

        var failed = await notifications.WaitForResourceAsync(
            "init-myservice", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text) && e.Snapshot.ExitCode is not null, timeout.Token);
        await notifications.WaitForResourceAsync("myapp-pod", "Failed", timeout.Token);
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(1, failed.Snapshot.ExitCode);
        foreach (var waiting in new[] { "init-mydb", "myapp" })
        {
            Assert.True(notifications.TryGetCurrentState(waiting, out var state));
            Assert.Null(state.Snapshot.StartTimeStamp);
            Assert.NotEqual(KnownResourceStates.Running, state.Snapshot.State?.Text);
        }
    }
}
