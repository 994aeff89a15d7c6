using Microsoft.Extensions.Options;

namespace PodSuite.LogWriter;

/// <summary>Appends a timestamp line to the shared page at once and then every interval.</summary>
public sealed partial class TimestampWriter(IOptions<LogWriterOptions> options, TimeProvider time, ILogger<TimestampWriter> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var file = new TimestampFile(Path.Combine(settings.Directory, settings.FileName), settings.MaxLines);
        LogStarted(file.Path, settings.Interval, settings.MaxLines);

        using var timer = new PeriodicTimer(settings.Interval, time);
        do
        {
            file.Append(time.GetUtcNow());
        }
        while (await WaitForTickAsync(timer, stoppingToken).ConfigureAwait(false));
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Writing a timestamp line to {Path} every {Interval}, keeping the last {MaxLines}")]
    private partial void LogStarted(string path, TimeSpan interval, int maxLines);
}
