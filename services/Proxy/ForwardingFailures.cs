using Yarp.ReverseProxy.Forwarder;

namespace PodSuite.Proxy;

/// <summary>
/// One log line for requests the proxy could not forward, at most one a second: an outage of the backend would
/// otherwise log a stack trace for every request (YARP's own forwarder log is off for that reason, see
/// appsettings.json) and slow the proxy down when it matters most. The lines say how many failures they stand for.
/// </summary>
public sealed partial class ForwardingFailures(TimeProvider time, ILogger<ForwardingFailures> logger)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private long _lastLogged = long.MinValue;
    private int _unlogged;

    /// <summary>Counts a request that was not forwarded, and logs it unless a line was written within the last second.</summary>
    public void Record(HttpContext context, IForwarderErrorFeature error)
    {
        int count;
        lock (_lock)
        {
            var now = time.GetTimestamp();
            _unlogged++;
            if (_lastLogged != long.MinValue && time.GetElapsedTime(_lastLogged, now) < Interval)
            {
                return;
            }

            _lastLogged = now;
            count = _unlogged;
            _unlogged = 0;
        }

        LogFailed(error.Error, context.Response.StatusCode, context.Request.Path, error.Exception?.GetBaseException().Message ?? "no detail", count);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not forward {Path}: {Error} ({Status}): {Reason}; {Count} requests failed since the last such line")]
    private partial void LogFailed(ForwarderError error, int status, string path, string reason, int count);
}
