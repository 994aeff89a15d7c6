using System.Text.Json.Serialization;
using StackExchange.Redis;

namespace PodSuite.Counter;

/// <summary>
/// Writes keys through the ambassador, each under a new name so that they spread over the shards, and counts what it
/// wrote. A write the ambassador fails (a shard it has not ejected yet) is tried once more: by then twemproxy has
/// ejected that shard, and the key hashes to one that is up.
/// </summary>
public sealed class KeyWriter(IConnectionMultiplexer redis, IConfiguration configuration)
{
    /// <summary>The connection string's name: the app host gives <c>ConnectionStrings__ambassador</c>.</summary>
    public const string ConnectionName = "ambassador";

    private long _written;
    private long _retried;
    private long _failed;

    /// <summary>What this process has written since it started.</summary>
    public KeyTotals Totals => new(Interlocked.Read(ref _written), Interlocked.Read(ref _retried), Interlocked.Read(ref _failed));

    /// <summary>The connection string as the app has it, its password hidden.</summary>
    public string ConnectionShown => HidePassword(configuration.GetConnectionString(ConnectionName) ?? "");

    public async Task<KeyTotals> WriteAsync(int count, CancellationToken cancellationToken)
    {
        if (count is < 1 or > 10_000)
        {
            throw new BadHttpRequestException("count must be between 1 and 10000.");
        }

        var db = redis.GetDatabase();
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = $"counter:{Guid.NewGuid():N}";
            var value = DateTimeOffset.UtcNow.ToString("O");
            try
            {
                await db.StringSetAsync(key, value);
            }
            catch (Exception e) when (e is RedisException or RedisTimeoutException)
            {
                Interlocked.Increment(ref _retried);
                try
                {
                    await db.StringSetAsync(key, value);
                }
                catch (Exception again) when (again is RedisException or RedisTimeoutException)
                {
                    Interlocked.Increment(ref _failed);
                    continue;
                }
            }

            Interlocked.Increment(ref _written);
        }

        return Totals;
    }

    public static string HidePassword(string connectionString) => string.Join(',', connectionString.Split(',').Select(part =>
        part.Trim().StartsWith("password=", StringComparison.OrdinalIgnoreCase) ? "password=*****" : part));
}

/// <summary>Keys written, writes tried a second time, and writes that failed twice, since the app started.</summary>
public sealed record KeyTotals(long Written, long Retried, long Failed);

[JsonSerializable(typeof(KeyTotals))]
[JsonSerializable(typeof(ShardReport))]
internal sealed partial class CounterJsonContext : JsonSerializerContext;
