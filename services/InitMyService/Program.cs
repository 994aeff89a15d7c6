using Microsoft.Extensions.Options;
using PodSuite.InitMyService;
using PodSuite.InitOrder;

// init-myservice: waits until a dependency answers (found through service discovery), then exits 0; exits 1 on timeout.
var builder = Host.CreateApplicationBuilder(args);
builder.AddSidecarDefaults();
builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddOptions<DependencyWaitOptions>().BindConfiguration(DependencyWaitOptions.Section);
builder.Services.AddServiceDiscovery();
// No resilience handler: this step is the retry loop, and a handler's own retries and timeouts would hide its attempts.
builder.Services.AddHttpClient<DependencyWaiter>().AddServiceDiscovery();

using var host = builder.Build();
InitOrderLog order;
try
{
    order = InitOrderLog.In(builder.Configuration[InitOrderLog.DirectoryKey], TimeProvider.System);
}
catch (InvalidOperationException ex)
{
    host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("init-myservice").LogError("init-myservice failed: {Reason}", ex.Message);
    return 1;
}

order.Began("init-myservice");
var waiter = host.Services.GetRequiredService<DependencyWaiter>();
var ready = await waiter.WaitAsync(host.Services.GetRequiredService<IOptions<DependencyWaitOptions>>().Value, CancellationToken.None);
await host.StopAsync();
var exitCode = ready ? 0 : 1;
order.Ended("init-myservice", exitCode);
return exitCode;
