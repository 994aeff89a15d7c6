using PodSuite.LogWriter;

// The container's liveness probe: `LogWriter --check` exits 0 while the page gains lines.
if (args is ["--check", .. var settings])
{
    var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(settings).Build();
    var options = new LogWriterOptions();
    configuration.GetSection(LogWriterOptions.Section).Bind(options);
    var problem = PageCheck.Problem(Path.Combine(options.Directory, options.FileName), options.Interval, DateTimeOffset.UtcNow);
    Console.WriteLine(problem ?? "alive");
    return problem is null ? 0 : 1;
}

var builder = Host.CreateApplicationBuilder(args);
builder.AddSidecarDefaults();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddOptions<LogWriterOptions>()
    .BindConfiguration(LogWriterOptions.Section)
    .Validate(o => !string.IsNullOrWhiteSpace(o.Directory) && Directory.Exists(o.Directory),
        "LogWriter:Directory (environment variable LogWriter__Directory) must name an existing directory: the pod's shared volume.")
    .Validate(o => o.Interval > TimeSpan.Zero, "LogWriter:Interval must be positive, for example 00:00:01.")
    .Validate(o => o.MaxLines > 0, "LogWriter:MaxLines must be at least 1.")
    .ValidateOnStart();
builder.Services.AddHostedService<TimestampWriter>();

builder.Build().Run();
return Environment.ExitCode;
