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

    public int ParsedQueueKey() =>
        QueueKey.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.Parse(QueueKey.AsSpan(2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture)
            : int.Parse(QueueKey, System.Globalization.CultureInfo.InvariantCulture);

    public bool HasValidQueueKey() =>
        !string.IsNullOrWhiteSpace(QueueKey) && (QueueKey.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.TryParse(QueueKey.AsSpan(2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var hex) && hex != 0
            : int.TryParse(QueueKey, System.Globalization.CultureInfo.InvariantCulture, out var key) && key != 0);
}
