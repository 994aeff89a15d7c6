using Microsoft.Extensions.Options;

namespace PodSuite.LogWriter;

/// <summary>Appends a timestamp line to the shared page at once and then every interval.</summary>
public sealed partial class TimestampWriter(
    IOptions<LogWriterOptions> options, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<TimestampWriter> logger)
    : BackgroundService
{
    /// <summary>The process exit code when the page cannot be written: the pod shows the sidecar failed, not finished.</summary>
    public const int CannotWriteExitCode = 74;   // EX_IOERR

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var file = new TimestampFile(Path.Combine(settings.Directory, settings.FileName), settings.MaxLines);
        LogStarted(file.Path, settings.Interval, settings.MaxLines);

        using var timer = new PeriodicTimer(settings.Interval, time);
        try
        {
            do
            {
                file.Append(time.GetUtcNow());
            }
            while (await WaitForTickAsync(timer, stoppingToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogCannotWrite(file.Path, ex.Message);
            Environment.ExitCode = CannotWriteExitCode;
            lifetime.StopApplication();
        }
    }

    private static async Task<bool> WaitForTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Cannot write {Path}: {Reason}. Stopping: the pod's shared volume must be writable and have space")]
    private partial void LogCannotWrite(string path, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Writing a timestamp line to {Path} every {Interval}, keeping the last {MaxLines}")]
    private partial void LogStarted(string path, TimeSpan interval, int maxLines);
}
