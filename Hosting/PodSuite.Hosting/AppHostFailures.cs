namespace PodSuite.Hosting;

/// <summary>
/// Whether a step of the app host failed without throwing (its error already logged once), so that
/// <c>RunWithExitCodeAsync</c> can end the process non-zero after Aspire has shut down cleanly. An app host that ends
/// with Aspire's plain <c>Run()</c> (a <c>void</c> entry point) exits with <see cref="Environment.ExitCode"/>, which a
/// failure sets too: Aspire's own run ends 0 after a failed publish or deploy.
/// </summary>
internal sealed class AppHostFailures
{
    private volatile bool _failed;

    public bool Any => _failed;

    public void MarkFailed()
    {
        _failed = true;
        Environment.ExitCode = Aspire.Hosting.AppHostExitCodeExtensions.FailureExitCode;
    }
}
