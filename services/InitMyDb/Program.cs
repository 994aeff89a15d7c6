using PodSuite.InitOrder;
using PodSuite.MyAppDb;

// init-mydb: brings myapp's database in the pod's shared volume to the current schema, then exits.
var builder = Host.CreateApplicationBuilder(args);
builder.AddSidecarDefaults();
builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
using var host = builder.Build();
var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("init-mydb");
InitOrderLog? order = null;
var exitCode = 1;

try
{
    order = InitOrderLog.In(builder.Configuration[InitOrderLog.DirectoryKey], TimeProvider.System);
    order.Began("init-mydb");
    var database = DatabaseLocation.In(builder.Configuration[DatabaseLocation.DirectoryKey]);
    var applied = database.Migrate();
    if (applied.Count == 0)
    {
        logger.LogInformation("Database {Path} is already at schema version {Version}; nothing to do", database.Path, AppDatabase.CurrentVersion);
    }
    else
    {
        logger.LogInformation("Database {Path} migrated to schema version {Version} (applied {Applied})", database.Path, AppDatabase.CurrentVersion, string.Join(", ", applied));
    }

    exitCode = 0;
}
catch (InvalidOperationException ex)
{
    logger.LogError("init-mydb failed: {Reason}", ex.Message);
}

// Flush telemetry before a run-to-completion process exits; the end is recorded last.
await host.StopAsync();
order?.Ended("init-mydb", exitCode);
return exitCode;
