using Npgsql;
using StackExchange.Redis;

// A visit counter: each visit is counted in Redis and recorded in PostgreSQL, both reached through Aspire's client
// integrations and the connection strings the app host gives ("cache", "appdb"). Its health endpoints (/health,
// /alive) and telemetry come from the solution's ServiceDefaults, as in Aspire's templates.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddRedisClient("cache");
builder.AddNpgsqlDataSource("appdb");
var app = builder.Build();

app.MapDefaultEndpoints();
app.MapPost("/visits", async (IConnectionMultiplexer redis, NpgsqlDataSource db) =>
{
    var count = await redis.GetDatabase().StringIncrementAsync("visits");
    await EnsureTableAsync(db);
    await using var command = db.CreateCommand("INSERT INTO visits (n) VALUES ($1)");
    command.Parameters.AddWithValue(count);
    await command.ExecuteNonQueryAsync();
    return Results.Ok(new { count });
});
app.MapGet("/visits", async (IConnectionMultiplexer redis, NpgsqlDataSource db) =>
{
    await EnsureTableAsync(db);
    await using var command = db.CreateCommand("SELECT count(*) FROM visits");
    return Results.Ok(new { cache = (long?)await redis.GetDatabase().StringGetAsync("visits") ?? 0, recorded = (long)(await command.ExecuteScalarAsync())! });
});

app.Run();

static async Task EnsureTableAsync(NpgsqlDataSource db)
{
    await using var create = db.CreateCommand("CREATE TABLE IF NOT EXISTS visits (n bigint)");
    await create.ExecuteNonQueryAsync();
}
