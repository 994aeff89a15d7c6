using PodSuite.InitOrder;

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
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var notifications = _app.ResourceNotifications;

        var failed = await notifications.WaitForResourceAsync(
            "init-myservice", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text) && e.Snapshot.ExitCode is not null, timeout.Token);
        await notifications.WaitForResourceAsync("myapp-pod", PodFailed, timeout.Token);
        // FailedToStart is final: Aspire gave up waiting, so neither will start later.
        var initMyDb = await notifications.WaitForResourceAsync("init-mydb", FailedToStart, timeout.Token);
        var myapp = await notifications.WaitForResourceAsync("myapp", FailedToStart, timeout.Token);

        Assert.Equal(1, failed.Snapshot.ExitCode);
        Assert.Null(initMyDb.Snapshot.StartTimeStamp);
        Assert.Null(myapp.Snapshot.StartTimeStamp);
        var directory = Assert.Single(failed.Snapshot.EnvironmentVariables, e => e.Name == "InitOrder__Directory").Value!;
        var records = new InitOrderLog(directory, TimeProvider.System).Read();
        Assert.Equal(["init-myservice began", "init-myservice ended 1"],
            records.Select(r => $"{r.Container} {r.Event}"));
    }

    private const string PodFailed = "Failed";

    private static bool FailedToStart(ResourceEvent e) => e.Snapshot.State?.Text == KnownResourceStates.FailedToStart;
}
