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

app.MapGet("/", (HttpRequest request) => Results.Content(
    InfoPage.Render(PodInfo.From(Dns.GetHostName(), request.Protocol, request.Headers, uptime.Elapsed)), "text/html; charset=utf-8"));
app.MapGet("/api/info", (HttpRequest request) => PodInfo.From(Dns.GetHostName(), request.Protocol, request.Headers, uptime.Elapsed));

await app.StartAsync();
ProxyEndpoint.EnsureListening(proxyPort, app.Urls);
await app.WaitForShutdownAsync();
