using Microsoft.Extensions.Options;
using PodSuite.InitMyService;

// init-myservice: waits until a dependency answers (found through service discovery), then exits 0; exits 1 on timeout.
var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddOptions<DependencyWaitOptions>().BindConfiguration(DependencyWaitOptions.Section);
// This step is the retry loop: the standard resilience handler's own retries and timeouts would hide its attempts.
#pragma warning disable EXTEXP0001 // Experimental, and the only way to take the defaults off one client.
builder.Services.AddHttpClient<DependencyWaiter>().RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

using var host = builder.Build();
var waiter = host.Services.GetRequiredService<DependencyWaiter>();
var ready = await waiter.WaitAsync(host.Services.GetRequiredService<IOptions<DependencyWaitOptions>>().Value, CancellationToken.None);
await host.StopAsync();
return ready ? 0 : 1;
