using System.Diagnostics;
using System.Net;
using PodSuite.IpcRun;
using PodSuite.WebApp;

var uptime = Stopwatch.StartNew();
var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults();
var proxyPort = builder.Configuration.GetValue<int?>(ProxyEndpoint.PortKey);
var proxySocket = builder.Configuration[ProxyEndpoint.SocketKey];
var removedStaleSocket = builder.ServeHttp2WithoutTlsOn(proxyPort, proxySocket);
var proxySocketOpen = new ProxySocketHealthCheck(proxySocket);
builder.Services.AddHealthChecks().AddCheck("proxy-socket", proxySocketOpen);
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.TypeInfoResolverChain.Insert(0, WebAppJsonContext.Default);
    o.SerializerOptions.TypeInfoResolverChain.Insert(1, IpcRunJsonContext.Default);
});
// The largest request it takes is a run report of mc2: 50 messages, a few kilobytes.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 64 * 1024);
builder.Services.AddSingleton<IpcRunBoard>();

var app = builder.Build();
app.MapDefaultEndpoints();

// Aspire names each member's telemetry after it, here and in the pods: the container's name.
var container = builder.Configuration["OTEL_SERVICE_NAME"] ?? "webapp";
app.MapGet("/", (HttpRequest request) => Results.Content(
    InfoPage.Render(PodInfo.From(Dns.GetHostName(), request.Protocol, request.Headers, uptime.Elapsed), container, Arrival.Of(request.HttpContext, proxyPort, proxySocket)),
    "text/html; charset=utf-8"));
app.MapGet("/api/info", (HttpRequest request) => PodInfo.From(Dns.GetHostName(), request.Protocol, request.Headers, uptime.Elapsed));

// mc2's page: its members run to completion, so each reports its run here on its way out.
app.MapPost(IpcRunReport.Path, (IpcRunReport report, IpcRunBoard board) =>
    board.Accept(report) is { } refusal ? Results.Text(refusal, statusCode: StatusCodes.Status422UnprocessableEntity) : Results.NoContent());
app.MapGet("/api" + IpcRunReport.Path, (IpcRunBoard board) => board.All());
app.MapGet("/mc2", (IpcRunBoard board) => Results.Content(
    Mc2Page.Render(board.Latest("producer"), board.Latest("consumer"), container, Dns.GetHostName()), "text/html; charset=utf-8"));

if (removedStaleSocket)
{
    app.Logger.LogInformation("Removed {Socket}, left by a web app before this one: nothing listened on it", proxySocket);
}

await app.StartAsync();
ProxyEndpoint.OpenToTheProxy(proxySocket, app.Urls);
proxySocketOpen.Opened();
ProxyEndpoint.EnsureListening(proxyPort, app.Urls);
await app.WaitForShutdownAsync();
