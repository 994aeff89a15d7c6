using PodSuite.Counter;

// The ambassador pod's app: it writes keys to Redis at localhost through Aspire's client integration, knowing nothing
// of the shards behind the ambassador (twemproxy) beside it; and it shows how many keys each shard holds, as
// Prometheus has them from the adapters beside the shards.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
// The client's own health check asks Redis for its server's state, which twemproxy does not offer ("The server API is
// not available via Twemproxy"): the app is healthy while it holds its connection to the ambassador instead. A lost
// shard does not make it unhealthy, since the ambassador routes around it.
builder.AddRedisClient(KeyWriter.ConnectionName, settings => settings.DisableHealthChecks = true);
builder.Services.AddHealthChecks().AddCheck<AmbassadorHealthCheck>("ambassador");
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, CounterJsonContext.Default));
builder.Services.AddSingleton<KeyWriter>();
builder.Services.AddHttpClient<ShardKeys>(client =>
{
    client.BaseAddress = new Uri(builder.Configuration[ShardKeys.PrometheusKey]
        ?? throw new InvalidOperationException($"Set {ShardKeys.PrometheusKey} to Prometheus's address."));
    client.Timeout = TimeSpan.FromSeconds(5);
});

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapPost("/api/keys", (KeyWriter writer, int? count, CancellationToken cancellationToken) => writer.WriteAsync(count ?? 10, cancellationToken));
app.MapGet("/api/keys", (KeyWriter writer) => writer.Totals);
app.MapGet("/api/shards", (ShardKeys shards, CancellationToken cancellationToken) => shards.ReadAsync(cancellationToken));
app.MapPost("/", async (KeyWriter writer, CancellationToken cancellationToken) =>
{
    await writer.WriteAsync(10, cancellationToken);
    return Results.Redirect("/", permanent: false);
});
app.MapGet("/", async (KeyWriter writer, ShardKeys shards, CancellationToken cancellationToken) => Results.Content(
    CounterPage.Render(writer.Totals, await shards.ReadAsync(cancellationToken), writer.ConnectionShown, System.Net.Dns.GetHostName()),
    "text/html; charset=utf-8"));
app.Run();
