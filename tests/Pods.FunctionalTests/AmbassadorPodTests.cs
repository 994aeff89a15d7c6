using System.Diagnostics;
using System.Text.Json;

namespace Pods.FunctionalTests;

/// <summary>
/// The ambassador and the adapters, deployed under podman: the counter writes through twemproxy at localhost, its keys
/// land on both shards, Prometheus's count from the adapters equals what it wrote, and losing a shard does not stop it.
/// </summary>
[Collection(PodRuntimeCollection.Name)]
public sealed class AmbassadorPodTests(PodRuntime pods)
{
    private static readonly CounterClient s_counter = new(new Uri("http://localhost:8084"));
    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [SkippableFact]
    public async Task KeysWrittenThroughTheAmbassadorLandOnBothShardsAndPrometheusCountsEachOne()
    {
        pods.SkipUnlessRunning();
        var before = await s_counter.SettledShardsAsync();

        var previous = await s_counter.TotalsAsync();
        var written = await s_counter.WriteAsync(60);

        Assert.Equal(previous.Failed, written.Failed);
        var after = await CounterClient.UntilAsync(s_counter.ShardsAsync, s => s.Values.Sum() == before.Values.Sum() + 60);
        Assert.Equal(before.Values.Sum() + 60, after.Values.Sum());
        Assert.All(["shard-a", "shard-b"], shard => Assert.True(after[shard] > before.GetValueOrDefault(shard), $"no key landed on {shard}: {Json(after)}"));
        // Each adapter says so itself, on its own port in its shard's pod.
        foreach (var shard in new[] { "shard-a", "shard-b" })
        {
            var metrics = await s_http.GetStringAsync($"http://{await pods.AddressOfAsync(shard)}:9121/metrics");
            Assert.Contains("redis_up 1", metrics, StringComparison.Ordinal);
            Assert.Contains($"redis_db_keys{{db=\"db0\"}} {after[shard]}", metrics, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task AfterOneShardStopsNewWritesSucceedWithinTwemproxysRetryWindow()
    {
        pods.SkipUnlessRunning();
        var before = await s_counter.WriteAsync(10);
        var (stopped, _) = await pods.PodmanAsync("stop", "-t", "2", "shard-b-redis-b");
        Assert.Equal(0, stopped);
        try
        {
            // twemproxy ejects the shard on its first failure and tries it again every 5 s (server_retry_timeout): a
            // write that meets that try fails once and succeeds at once on the next (the counter tries twice).
            var watch = Stopwatch.StartNew();
            var first = await s_counter.WriteAsync(40);
            await Task.Delay(TimeSpan.FromSeconds(6));
            var second = await s_counter.WriteAsync(40);

            Assert.Equal((before.Written + 40, before.Failed), (first.Written, first.Failed));
            Assert.Equal((first.Written + 40, first.Failed), (second.Written, second.Failed));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"80 writes took {watch.Elapsed} with a shard down");
            var shards = await CounterClient.UntilAsync(s_counter.ShardsAsync, s => !s.ContainsKey("shard-b"));
            Assert.DoesNotContain("shard-b", shards.Keys);
        }
        finally
        {
            Assert.Equal(0, (await pods.PodmanAsync("start", "shard-b-redis-b")).ExitCode);
            Assert.Contains("shard-b", (await CounterClient.UntilAsync(s_counter.ShardsAsync, s => s.ContainsKey("shard-b"))).Keys);
        }
    }

    [SkippableFact]
    public async Task TheAppsSettingsNameOnlyLocalhost()
    {
        pods.SkipUnlessRunning();

        var environment = (await pods.InspectAsync("ambassador-counter")).GetProperty("Config").GetProperty("Env")
            .EnumerateArray().Select(e => e.GetString()!).ToList();

        var connection = Assert.Single(environment, e => e.StartsWith("ConnectionStrings__ambassador=", StringComparison.Ordinal));
        Assert.StartsWith("ConnectionStrings__ambassador=localhost:6379,password=", connection, StringComparison.Ordinal);
        Assert.EndsWith(",proxy=Twemproxy", connection, StringComparison.Ordinal);
        Assert.DoesNotContain(environment, e => e.Contains("shard-", StringComparison.Ordinal) || e.Contains("redis-", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task TheCountersRedisCallsAreSpansInTheDashboard()
    {
        pods.SkipUnlessRunning();
        await s_counter.WriteAsync(5);

        var api = await DashboardApi.OfAsync(pods);
        var spans = await CounterClient.UntilAsync(async () => await api.SpansAsync("spans?resource=counter&limit=200"), s => s.Any(x => x.Name == "SET"));

        Assert.Contains(spans, s => s.Name == "SET");
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

}
