namespace PodSuite.IpcDemo;

/// <summary>The demo's settings, from the <c>Ipc</c> section (environment variables <c>Ipc__...</c>).</summary>
public sealed class IpcOptions
{
    public const string Section = "Ipc";

    /// <summary>The queue's key, shared by producer and consumer; decimal or 0x-prefixed hex.</summary>
    public string QueueKey { get; set; } = "";

    /// <summary>How many data messages the producer sends before the exit message.</summary>
    public int Count { get; set; } = 10;

    /// <summary>A pause between two messages of the producer; none by default.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.Zero;

    /// <summary>How long the consumer waits for the producer to create the queue.</summary>
    public TimeSpan QueueWaitTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the consumer waits for the next message before it takes the producer for gone.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Where to send this member's report of the run when it ends (mc2's page, on mc3's web app); none when empty.
    /// </summary>
    public string ReportTo { get; set; } = "";

    /// <summary>How long to keep trying to send the report while its receiver is not up.</summary>
    public TimeSpan ReportTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The report's address, or <see langword="null"/> when there is none or it is not an absolute http(s) URL.</summary>
    public Uri? ParseReportTo() =>
        Uri.TryCreate(ReportTo, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    /// <summary>The key as a number, or <see langword="null"/> when it is missing, malformed or 0 (IPC_PRIVATE).</summary>
    public int? ParseQueueKey()
    {
        var hex = QueueKey.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        var parsed = int.TryParse(
            hex ? QueueKey.AsSpan(2) : QueueKey.AsSpan(),
            hex ? System.Globalization.NumberStyles.HexNumber : System.Globalization.NumberStyles.Integer,
            System.Globalization.CultureInfo.InvariantCulture,
            out var key);
        return parsed && key != 0 ? key : null;
    }
}
