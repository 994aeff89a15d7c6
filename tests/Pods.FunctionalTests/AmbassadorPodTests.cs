using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pods.FunctionalTests;

/// <summary>
/// The ambassador and the adapters, deployed under podman: the counter writes through twemproxy at localhost, its keys
/// land on both shards, Prometheus's count from the adapters equals what it wrote, and losing a shard does not stop it.
/// </summary>
[Collection(PodRuntimeCollection.Name)]
public sealed class AmbassadorPodTests(PodRuntime pods)
{
    private const string Counter = "http://localhost:8084";
    private static readonly TimeSpan ScrapeWait = TimeSpan.FromSeconds(30);
    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [SkippableFact]
    public async Task KeysWrittenThroughTheAmbassadorLandOnBothShardsAndPrometheusCountsEachOne()
    {
        pods.SkipUnlessRunning();
        var before = await SettledKeysAsync();

        var written = await WriteAsync(60);

        Assert.Equal(0, written.Failed);
        var after = await UntilAsync(async () => await ShardsAsync(), s => s.Values.Sum() == before.Values.Sum() + 60);
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
        await WriteAsync(10);
        var (stopped, _) = await pods.PodmanAsync("stop", "-t", "2", "shard-b-redis-b");
        Assert.Equal(0, stopped);
        try
        {
            // twemproxy ejects the shard on its first failure and tries it again every 5 s (server_retry_timeout): a
            // write that meets that try fails once and succeeds at once on the next (the counter tries twice).
            var watch = Stopwatch.StartNew();
            var first = await WriteAsync(40);
            await Task.Delay(TimeSpan.FromSeconds(6));
            var second = await WriteAsync(40);

            Assert.Equal(0, second.Failed);
            Assert.Equal(first.Written + 40, second.Written);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"80 writes took {watch.Elapsed} with a shard down");
            var shards = await UntilAsync(async () => await ShardsAsync(), s => !s.ContainsKey("shard-b"));
            Assert.DoesNotContain("shard-b", shards.Keys);
        }
        finally
        {
            await pods.PodmanAsync("start", "shard-b-redis-b");
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
        await WriteAsync(5);

        var api = await DashboardApi.OfAsync(pods);
        var spans = await UntilAsync(async () => await api.SpansAsync("spans?resource=counter&limit=200"), s => s.Any(x => x.Name == "SET"));

        Assert.Contains(spans, s => s.Name == "SET");
    }

    private static async Task<Totals> WriteAsync(int count)
    {
        using var response = await s_http.PostAsync($"{Counter}/api/keys?count={count}", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Totals>())!;
    }

    // Keys by shard, as the counter reads them from Prometheus; a shard whose adapter does not reach it is left out.
    private static async Task<Dictionary<string, long>> ShardsAsync()
    {
        using var json = JsonDocument.Parse(await s_http.GetStringAsync($"{Counter}/api/shards"));
        return json.RootElement.GetProperty("shards").EnumerateArray()
            .Where(s => s.GetProperty("keys").ValueKind == JsonValueKind.Number)
            .ToDictionary(s => s.GetProperty("shard").GetString()!, s => s.GetProperty("keys").GetInt64());
    }

    // Prometheus's count once it has caught up: both shards reported, and the same in two scrapes.
    private static async Task<Dictionary<string, long>> SettledKeysAsync()
    {
        var previous = await ShardsAsync();
        return await UntilAsync(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(6));
            var (last, now) = (previous, await ShardsAsync());
            previous = now;
            return now.Count == 2 && now.Values.Sum() == last.Values.Sum() ? now : null;
        }, s => s is not null) ?? throw new TimeoutException("Prometheus's count of keys did not settle");
    }

    private static async Task<T> UntilAsync<T>(Func<Task<T>> ask, Func<T, bool> done)
    {
        using var timeout = new CancellationTokenSource(ScrapeWait);
        var answer = await ask();
        while (!done(answer) && !timeout.IsCancellationRequested)
        {
            await Task.Delay(500, CancellationToken.None);
            answer = await ask();
        }

        return answer;
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    private sealed record Totals(long Written, long Retried, long Failed);
}
