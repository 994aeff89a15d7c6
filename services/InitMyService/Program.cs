using Microsoft.Extensions.Options;
using PodSuite.InitMyService;

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
var waiter = host.Services.GetRequiredService<DependencyWaiter>();
var ready = await waiter.WaitAsync(host.Services.GetRequiredService<IOptions<DependencyWaitOptions>>().Value, CancellationToken.None);
await host.StopAsync();
return ready ? 0 : 1;
