namespace PodSuite.Hosting;

/// <summary>
/// Whether a step of the app host failed without throwing (its error already logged once), so that
/// <c>RunWithExitCodeAsync</c> can end the process non-zero after Aspire has shut down cleanly.
/// </summary>
internal sealed class AppHostFailures
{
    private volatile bool _failed;

    public bool Any => _failed;

    public void MarkFailed() => _failed = true;
}
