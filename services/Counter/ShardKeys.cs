using System.Globalization;
using System.Text.Json;

namespace PodSuite.Counter;

/// <summary>
/// How many keys each shard holds, read from Prometheus's HTTP API: the adapter beside each Redis server reports
/// <c>redis_db_keys</c>, and Prometheus labels each adapter's samples with its shard.
/// </summary>
public sealed class ShardKeys(HttpClient prometheus)
{
    /// <summary>The setting that holds Prometheus's address.</summary>
    public const string PrometheusKey = "Counter:Prometheus";

    /// <summary>The query: keys in Redis's database 0, and whether the adapter reached its server, by shard.</summary>
    public const string KeysQuery = "redis_db_keys{db=\"db0\"}";
    public const string UpQuery = "redis_up";

    public async Task<ShardReport> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var keys = await QueryAsync(KeysQuery, cancellationToken);
            var up = await QueryAsync(UpQuery, cancellationToken);
            var shards = keys.Keys.Union(up.Keys).Order(StringComparer.Ordinal)
                .Select(shard => new ShardState(shard, keys.TryGetValue(shard, out var k) ? (long)k : null, up.TryGetValue(shard, out var u) ? u == 1 : null))
                .ToList();
            return new ShardReport(shards, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException)
        {
            return new ShardReport([], $"Prometheus did not answer: {e.Message}");
        }
    }

    private async Task<Dictionary<string, double>> QueryAsync(string query, CancellationToken cancellationToken)
    {
        using var response = await prometheus.GetAsync($"/api/v1/query?query={Uri.EscapeDataString(query)}", cancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var sample in json.RootElement.GetProperty("data").GetProperty("result").EnumerateArray())
        {
            if (sample.GetProperty("metric").TryGetProperty("shard", out var shard))
            {
                values[shard.GetString()!] = double.Parse(sample.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
            }
        }

        return values;
    }
}

/// <summary>One shard as Prometheus last saw it: its keys, and whether its adapter reached it (null: no sample).</summary>
public sealed record ShardState(string Shard, long? Keys, bool? Up);

/// <summary>Every shard Prometheus knows, or why it could not be asked.</summary>
public sealed record ShardReport(IReadOnlyList<ShardState> Shards, string? Problem)
{
    public long TotalKeys => Shards.Sum(s => s.Keys ?? 0);
}
