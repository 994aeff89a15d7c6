namespace PodSuite.InitMyService;

/// <summary>Calls the dependency until it answers with success, pausing longer after each failure, up to a deadline.</summary>
public sealed partial class DependencyWaiter(HttpClient http, TimeProvider time, ILogger<DependencyWaiter> logger)
{
    /// <returns><see langword="true"/> once the dependency answered; <see langword="false"/> when the deadline passed.</returns>
    public async Task<bool> WaitAsync(DependencyWaitOptions options, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var pause = options.FirstPause;
        for (var attempt = 1; ; attempt++)
        {
            var answer = await TryOnceAsync(options, cancellationToken).ConfigureAwait(false);
            var waited = time.GetElapsedTime(started);
            if (answer is null)
            {
                LogAnswered(attempt, options.Url, waited);
                return true;
            }

            LogNotYet(attempt, options.Url, answer);
            if (waited + pause > options.Timeout)
            {
                LogGaveUp(options.Url, attempt, waited);
                return false;
            }

            await Task.Delay(pause, time, cancellationToken).ConfigureAwait(false);
            pause = pause * 2 < options.LongestPause ? pause * 2 : options.LongestPause;
        }
    }

    /// <returns><see langword="null"/> on success, otherwise why the attempt failed.</returns>
    private async Task<string?> TryOnceAsync(DependencyWaitOptions options, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(options.AttemptTimeout);
        try
        {
            using var response = await http.GetAsync(options.Url, attempt.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (HttpRequestException ex)
        {
            return ex.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {options.AttemptTimeout}";
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Attempt {Attempt}: {Url} answered after {Waited}")]
    private partial void LogAnswered(int attempt, Uri url, TimeSpan waited);

    [LoggerMessage(Level = LogLevel.Information, Message = "Attempt {Attempt}: {Url} not ready: {Reason}")]
    private partial void LogNotYet(int attempt, Uri url, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up on {Url} after {Attempts} attempts in {Waited}: the dependency never answered. Check that it runs and that InitMyService__Url names it.")]
    private partial void LogGaveUp(Uri url, int attempts, TimeSpan waited);
}
