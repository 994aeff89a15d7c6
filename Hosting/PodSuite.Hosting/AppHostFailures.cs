namespace PodSuite.Hosting;

/// <summary>
/// The failures an app host's steps reported without throwing (each already logged once), so that
/// <c>RunWithExitCodeAsync</c> can end the process non-zero after Aspire has shut down cleanly.
/// </summary>
internal sealed class AppHostFailures
{
    private readonly List<string> _messages = [];

    public bool Any
    {
        get
        {
            lock (_messages)
            {
                return _messages.Count > 0;
            }
        }
    }

    public void Add(string message)
    {
        lock (_messages)
        {
            _messages.Add(message);
        }
    }
}
