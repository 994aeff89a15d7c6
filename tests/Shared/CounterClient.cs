using System.Net.Http.Json;
using System.Text.Json;

namespace PodSuite.Tests;

/// <summary>
/// The ambassador pod's counter app, asked over HTTP: it writes keys through twemproxy, and reads the keys each shard
/// holds from Prometheus (which has them from the adapters). Used by the local-run and the podman tests alike.
/// </summary>
internal sealed class CounterClient(Uri address)
{
    private static readonly TimeSpan ScrapeWait = TimeSpan.FromSeconds(45);
    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task<CounterTotals> WriteAsync(int count)
    {
        using var response = await s_http.PostAsync(new Uri(address, $"/api/keys?count={count}"), null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CounterTotals>())!;
    }

    /// <summary>What the counter has written since it started, without writing.</summary>
    public async Task<CounterTotals> TotalsAsync() =>
        (await s_http.GetFromJsonAsync<CounterTotals>(new Uri(address, "/api/keys")))!;

    /// <summary>Keys by shard, as Prometheus has them; a shard whose adapter does not reach its Redis is left out.</summary>
    public async Task<Dictionary<string, long>> ShardsAsync()
    {
        using var json = JsonDocument.Parse(await s_http.GetStringAsync(new Uri(address, "/api/shards")));
        return json.RootElement.GetProperty("shards").EnumerateArray()
            .Where(s => s.GetProperty("keys").ValueKind == JsonValueKind.Number)
            .ToDictionary(s => s.GetProperty("shard").GetString()!, s => s.GetProperty("keys").GetInt64());
    }

    /// <summary>Prometheus's count once it has caught up: both shards reported, the same in two scrapes.</summary>
    public async Task<Dictionary<string, long>> SettledShardsAsync()
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

    /// <summary>Asks again every half second until the answer will do, or the scrape wait is over: the last answer.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> ask, Func<T, bool> done)
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
}

/// <summary>Keys the counter wrote, tried twice, and gave up on, since it started.</summary>
internal sealed record CounterTotals(long Written, long Retried, long Failed);
