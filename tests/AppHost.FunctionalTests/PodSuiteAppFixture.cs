using Microsoft.Extensions.DependencyInjection;

namespace AppHost.FunctionalTests;

/// <summary>
/// The PodSuite app host, started once for every test in <see cref="PodSuiteCollection"/> (it takes seconds to start
/// and to stop). Ports are randomized so the tests run beside a developer's own <c>dotnet run --project AppHost</c>.
/// </summary>
public sealed class PodSuiteAppFixture : IAsyncLifetime
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app host has not started.");

    public ResourceNotificationService Notifications => App.ResourceNotifications;

    /// <summary>The console lines a resource has written so far.</summary>
    public async Task<IReadOnlyList<string>> LogOfAsync(string resource, CancellationToken cancellationToken)
    {
        var model = App.Services.GetRequiredService<DistributedApplicationModel>();
        var lines = new List<string>();
        await foreach (var batch in App.Services.GetRequiredService<ResourceLoggerService>()
            .GetAllAsync(model.Resources.Single(r => r.Name == resource)).WithCancellation(cancellationToken))
        {
            lines.AddRange(batch.Select(l => l.Content));
        }

        return lines;
    }

    private Task<string?>? _containerPods;

    /// <summary>
    /// Null once the pods that hold containers (the ambassador, the shards, monitoring) are up; why they cannot run here,
    /// when there is no container runtime or no local registry with their images. Under CI=true that is a failure.
    /// </summary>
    public Task<string?> ContainerPodsUnavailableAsync() => _containerPods ??= CheckContainerPodsAsync();

    private async Task<string?> CheckContainerPodsAsync()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        string? reason = null;
        if (!new[] { "podman", "docker" }.Any(runtime => path.Any(directory => File.Exists(Path.Combine(directory, runtime)))))
        {
            reason = "no container runtime (podman or docker) on PATH: run eng/pods/setup.sh";
        }
        else
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await http.GetAsync(new Uri("http://localhost:5055/v2/debian/redis/tags/list"));
                reason = response.IsSuccessStatusCode ? null : $"the local registry has no debian/redis image ({(int)response.StatusCode}): run eng/pods/setup.sh";
            }
            catch (HttpRequestException e)
            {
                reason = $"the local registry with the containers' images does not answer ({e.Message}): run eng/pods/setup.sh";
            }
        }

        if (reason is not null)
        {
            return Environment.GetEnvironmentVariable("CI") == "true"
                ? throw new InvalidOperationException($"CI needs the ambassador's pods, but {reason}.")
                : reason;
        }

        using var timeout = new CancellationTokenSource(StartTimeout);
        await Notifications.WaitForResourceHealthyAsync("counter", timeout.Token);
        await Notifications.WaitForResourceAsync("prometheus", KnownResourceStates.Running, timeout.Token);
        return null;
    }

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            ["--DcpPublisher:RandomizePorts=true"],
            (options, _) => options.DisableDashboard = true,
            timeout.Token);
        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);

        foreach (var service in new[] { "webapp", "proxy", "static-site", "myapp" })
        {
            await Notifications.WaitForResourceHealthyAsync(service, timeout.Token);
        }

        await Notifications.WaitForResourceAsync("log-writer", KnownResourceStates.Running, timeout.Token);
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
public sealed class PodSuiteCollection : ICollectionFixture<PodSuiteAppFixture>
{
    public const string Name = "PodSuite app host";
}
