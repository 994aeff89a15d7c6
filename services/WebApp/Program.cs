using System.Diagnostics;
using System.Net;
using PodSuite.WebApp;

var uptime = Stopwatch.StartNew();
var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults();
var proxyPort = builder.Configuration.GetValue<int?>(ProxyEndpoint.PortKey);
builder.ServeHttp2WithoutTlsOn(proxyPort);
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, WebAppJsonContext.Default));

var app = builder.Build();
app.MapDefaultEndpoints();

// Aspire names each member's telemetry after it, here and in the pods: the container's name.
var container = builder.Configuration["OTEL_SERVICE_NAME"] ?? "webapp";
app.MapGet("/", (HttpRequest request) => Results.Content(
    InfoPage.Render(PodInfo.From(Dns.GetHostName(), request.Protocol, request.Headers, uptime.Elapsed), container, request.HttpContext.Connection.LocalPort, proxyPort),
    "text/html; charset=utf-8"));
app.MapGet("/api/info", (HttpRequest request) => PodInfo.From(Dns.GetHostName(), request.Protocol, request.Headers, uptime.Elapsed));

await app.StartAsync();
ProxyEndpoint.EnsureListening(proxyPort, app.Urls);
await app.WaitForShutdownAsync();
