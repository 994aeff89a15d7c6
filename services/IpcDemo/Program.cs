using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Microsoft.Extensions.Options;
using PodSuite.IpcDemo;

// One program, two roles, like the classic image: `produce` or `consume`.
var role = args.FirstOrDefault();
if (role is not ("produce" or "consume"))
{
    Console.Error.WriteLine("Usage: IpcDemo produce|consume   (settings: Ipc__QueueKey, Ipc__Count, Ipc__Interval, Ipc__QueueWaitTimeout, Ipc__IdleTimeout, Ipc__ReportTo, Ipc__ReportTimeout)");
    return 64;
}

var builder = Host.CreateApplicationBuilder(args[1..]);
builder.AddSidecarDefaults();
builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(IpcMetrics.MeterName));
builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(IpcTracing.SourceName));
builder.Services.AddOptions<IpcOptions>()
    .BindConfiguration(IpcOptions.Section)
    .Validate(o => o.ParseQueueKey() is not null, "Ipc:QueueKey (environment variable Ipc__QueueKey) must be a non-zero queue key, decimal or 0x-hex; the app host gives each pod one.")
    .Validate(o => o.Count >= 0, "Ipc:Count must not be negative.")
    .Validate(o => o.QueueWaitTimeout > TimeSpan.Zero, "Ipc:QueueWaitTimeout must be positive, for example 00:00:30.")
    .Validate(o => o.IdleTimeout > TimeSpan.Zero, "Ipc:IdleTimeout must be positive, for example 00:00:30.")
    .Validate(o => o.ReportTo.Length == 0 || o.ParseReportTo() is not null, "Ipc:ReportTo must be an absolute http(s) URL, or empty for no report.")
    .Validate(o => o.ReportTimeout > TimeSpan.Zero, "Ipc:ReportTimeout must be positive, for example 00:00:30.");
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IpcMetrics>();
builder.Services.AddSingleton<RunRecord>();
// No resilience handler: the reporter is the retry loop, bounded by Ipc:ReportTimeout.
builder.Services.AddHttpClient<RunReporter>(http => http.Timeout = TimeSpan.FromSeconds(5));
builder.Services.AddSingleton<QueueProducer>();
builder.Services.AddSingleton<QueueConsumer>();
if (role == "produce")
{
    builder.Services.AddHostedService<ProducerRole>();
}
else
{
    builder.Services.AddHostedService<ConsumerRole>();
}

using var host = builder.Build();
const int InvalidSettings = 78;   // EX_CONFIG (sysexits.h)
// Checked before the host starts, so that a bad setting is one line naming the container, not a host's stack trace.
try
{
    _ = host.Services.GetRequiredService<IOptions<IpcOptions>>().Value;
}
catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException)
{
    // A value that fails its rule, or one the binder cannot convert ("Failed to convert configuration value ...").
    var problem = ex is OptionsValidationException invalid ? string.Join(" ", invalid.Failures) : ex.Message;
    var member = builder.Configuration["OTEL_SERVICE_NAME"] ?? (role == "produce" ? "producer" : "consumer");
    Console.Error.WriteLine($"{member}: {problem}");
    return InvalidSettings;
}

await host.RunAsync();
return Environment.ExitCode;

