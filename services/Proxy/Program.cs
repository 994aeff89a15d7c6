using PodSuite.Proxy;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Configuration.AddRoutesFile();

var upstreamSockets = new UpstreamSockets(builder.Configuration);
var proxy = builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddServiceDiscoveryDestinationResolver();
if (upstreamSockets.Any)
{
    proxy.ConfigureHttpClient((_, handler) => handler.ConnectCallback = (context, cancellationToken) =>
        upstreamSockets.ConnectAsync(context.DnsEndPoint, cancellationToken));
}

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ForwardingFailures>();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapReverseProxy(proxy => proxy.Use(async (context, next) =>
{
    await next(context);
    if (context.GetForwarderErrorFeature() is { } error)
    {
        context.RequestServices.GetRequiredService<ForwardingFailures>().Record(context, error);
    }
}));
app.Run();
