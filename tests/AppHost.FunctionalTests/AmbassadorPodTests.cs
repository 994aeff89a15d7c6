using System.Text.RegularExpressions;

namespace AppHost.FunctionalTests;

/// <summary>
/// The ambassador and the adapters in the local run (containers on podman or docker): the counter's keys go through
/// twemproxy to both shards, Prometheus's count from the adapters equals what it wrote, a stopped shard does not stop
/// the writes, and the counter's settings name only localhost. Without a container runtime these are skipped with the
/// reason, except under CI=true, where that is a failure.
/// </summary>
[Collection(PodSuiteCollection.Name)]
public sealed class AmbassadorPodTests(PodSuiteAppFixture app)
{
    [SkippableFact]
    public async Task KeysWrittenThroughTheAmbassadorLandOnBothShardsAndPrometheusCountsEachOne()
    {
        var counter = await CounterAsync();
        var before = await counter.SettledShardsAsync();

        var previous = await counter.TotalsAsync();
        var written = await counter.WriteAsync(60);

        Assert.Equal(previous.Failed, written.Failed);
        var after = await CounterClient.UntilAsync(counter.ShardsAsync, s => s.Values.Sum() == before.Values.Sum() + 60);
        Assert.Equal(before.Values.Sum() + 60, after.Values.Sum());
        Assert.All(["shard-a", "shard-b"], shard => Assert.True(after[shard] > before[shard], $"no key landed on {shard}"));
    }

    [SkippableFact]
    public async Task AfterOneShardStopsNewWritesSucceed()
    {
        var counter = await CounterAsync();
        var before = await counter.WriteAsync(10);
        var stopped = await app.App.ResourceCommands.ExecuteCommandAsync("redis-b", KnownResourceCommands.StopCommand);
        Assert.True(stopped.Success, stopped.Message);
        try
        {
            var first = await counter.WriteAsync(40);
            await Task.Delay(TimeSpan.FromSeconds(6));   // past twemproxy's retry window, when it tries the shard again
            var second = await counter.WriteAsync(40);

            Assert.Equal((before.Written + 40, before.Failed), (first.Written, first.Failed));
            Assert.Equal((first.Written + 40, first.Failed), (second.Written, second.Failed));
            // Meanwhile the stopped shard's adapter reports it down, so Prometheus has no keys of it.
            Assert.DoesNotContain("shard-b", (await CounterClient.UntilAsync(counter.ShardsAsync, s => !s.ContainsKey("shard-b"))).Keys);
        }
        finally
        {
            var started = await app.App.ResourceCommands.ExecuteCommandAsync("redis-b", KnownResourceCommands.StartCommand);
            Assert.True(started.Success, started.Message);
            // Back, as its adapter sees it, before the next test counts keys.
            Assert.Contains("shard-b", (await CounterClient.UntilAsync(counter.ShardsAsync, s => s.ContainsKey("shard-b"))).Keys);
        }
    }

    [SkippableFact]
    public async Task TheCountersSettingsNameOnlyLocalhost()
    {
        await CounterAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var counter = await app.Notifications.WaitForResourceAsync("counter",
            e => e.Snapshot.EnvironmentVariables.Any(v => v.Name == "ConnectionStrings__ambassador" && v.Value is not null), timeout.Token);

        var environment = counter.Snapshot.EnvironmentVariables.Where(v => v.IsFromSpec).ToList();
        var connection = Assert.Single(environment, v => v.Name == "ConnectionStrings__ambassador").Value!;
        // Locally every address is localhost: the one named is twemproxy's port, and no shard's port or name is.
        Assert.Matches($@"^localhost:{app.App.GetEndpoint("twemproxy", "tcp").Port},password=[^,]+,proxy=Twemproxy$", connection);
        var shards = new Regex(string.Join('|', new[] { "redis-a", "redis-b" }.SelectMany(r => new[] { r, $":{app.App.GetEndpoint(r, "tcp").Port}(?!\\d)" })));
        Assert.DoesNotContain(environment, v => v.Value is { } value && shards.IsMatch(value));
    }

    private async Task<CounterClient> CounterAsync()
    {
        var reason = await app.ContainerPodsUnavailableAsync();
        Skip.If(reason is not null, reason);
        return new CounterClient(app.App.GetEndpoint("counter", "http"));
    }
}
