using System.Net.Http.Json;
using PodSuite.IpcRun;

namespace PodSuite.IpcDemo;

/// <summary>
/// Sends this member's report of the run to the address in <c>Ipc:ReportTo</c> (mc3's proxy in the app host), retrying
/// while that pod is not up yet, for up to <c>Ipc:ReportTimeout</c>. The report never changes the run's exit code:
/// when it cannot be sent, that is logged and the member ends as its run did.
/// </summary>
public sealed partial class RunReporter(HttpClient http, TimeProvider time, ILogger<RunReporter> logger)
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(2);

    /// <returns><see langword="true"/> once the report was taken.</returns>
    public async Task<bool> SendAsync(Uri address, IpcRunReport report, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var pause = FirstPause;
        for (var attempt = 1; ; attempt++)
        {
            var failure = await TryOnceAsync(address, report, cancellationToken).ConfigureAwait(false);
            if (failure is null)
            {
                LogSent(report.Member, address, attempt);
                return true;
            }

            var waited = time.GetElapsedTime(started);
            if (waited + pause > timeout || cancellationToken.IsCancellationRequested)
            {
                LogNotSent(report.Member, address, attempt, waited, failure);
                return false;
            }

            try
            {
                await Task.Delay(pause, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                LogNotSent(report.Member, address, attempt, time.GetElapsedTime(started), "stopped");
                return false;
            }

            pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
        }
    }

    private async Task<string?> TryOnceAsync(Uri address, IpcRunReport report, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync(address, report, IpcRunJsonContext.Default.IpcRunReport, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (HttpRequestException ex)
        {
            return ex.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "no answer in time";
        }
        catch (OperationCanceledException)
        {
            return "stopped";
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reported the {Member}'s run to {Address} (attempt {Attempt})")]
    private partial void LogSent(string member, Uri address, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not report the {Member}'s run to {Address} after {Attempt} attempts in {Waited}: {Failure}. The run's exit code stands; only mc2's page will not show this run")]
    private partial void LogNotSent(string member, Uri address, int attempt, TimeSpan waited, string failure);
}
