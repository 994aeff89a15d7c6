using System.Diagnostics;
using PodSuite.Ipc;

namespace PodSuite.IpcDemo;

/// <summary>Creates the queue, sends numbered messages with random text, then the exit message.</summary>
public sealed partial class QueueProducer(IpcMetrics metrics, ILogger<QueueProducer> logger)
{
    /// <summary>
    /// Sends up to <paramref name="count"/> messages; when <paramref name="stop"/> is signalled it stops early but
    /// still sends the exit message, so the consumer ends cleanly.
    /// </summary>
    /// <returns>How many data messages were sent.</returns>
    public long Produce(MessageQueue queue, int count, TimeSpan interval, CancellationToken stop)
    {
        Span<byte> message = stackalloc byte[64];
        Span<byte> text = stackalloc byte[2];
        long sent = 0;
        for (; sent < count && !stop.IsCancellationRequested; sent++)
        {
            var value = Random.Shared.Next(100);
            text[0] = (byte)('0' + (value / 10));
            text[1] = (byte)('0' + (value % 10));
            var length = new Envelope(EnvelopeKind.Data, sent, Stopwatch.GetTimestamp(), text).WriteTo(message);
            queue.Send((long)EnvelopeKind.Data, message[..length]);
            metrics.Sent(length);
            LogProduced(value);
            if (interval > TimeSpan.Zero)
            {
                stop.WaitHandle.WaitOne(interval);
            }
        }

        var doneLength = new Envelope(EnvelopeKind.Done, sent, Stopwatch.GetTimestamp(), "done"u8).WriteTo(message);
        queue.Send((long)EnvelopeKind.Done, message[..doneLength]);
        metrics.Sent(doneLength);
        LogDone(sent, stop.IsCancellationRequested ? " (stopped early)" : "");
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Produced: {Value:00}")]
    private partial void LogProduced(int value);

    [LoggerMessage(Level = LogLevel.Information, Message = "Produced: done after {Count} messages{Reason}")]
    private partial void LogDone(long count, string reason);
}
