using System.Diagnostics;
using PodSuite.Ipc;

namespace PodSuite.IpcDemo;

/// <summary>How a producer run ended; the value is the process's exit code.</summary>
public enum ProduceOutcome
{
    /// <summary>Every message it sent, and the exit message, is on the queue (all of them, unless stopped early).</summary>
    Delivered = 0,

    /// <summary>Stopped while the queue stayed full: messages were not delivered.</summary>
    NotDelivered = 5,

    /// <summary>The queue was removed while messages were still to be sent: its consumer gave up.</summary>
    QueueRemoved = 7,
}

/// <summary>Creates the queue, sends numbered messages with random text, then the exit message.</summary>
public sealed partial class QueueProducer(IpcMetrics metrics, RunRecord record, ILogger<QueueProducer> logger)
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a stopped producer still tries to put the exit message on a full queue.</summary>
    public static readonly TimeSpan ExitMessageGrace = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Sends up to <paramref name="count"/> messages; when <paramref name="stop"/> is signalled it stops early but
    /// still sends the exit message, so the consumer ends cleanly. A full queue is waited on without blocking in the
    /// kernel, so a stop is seen within <see cref="LongestPause"/>; the exit message then gets <see cref="ExitMessageGrace"/>.
    /// </summary>
    public ProduceOutcome Produce(MessageQueue queue, int count, TimeSpan interval, CancellationToken stop)
    {
        long sent = 0;
        try
        {
            return SendAll(queue, count, interval, stop, ref sent);
        }
        catch (MessageQueueRemovedException)
        {
            LogRemoved(queue.Key, sent, count);
            return ProduceOutcome.QueueRemoved;
        }
    }

    private ProduceOutcome SendAll(MessageQueue queue, int count, TimeSpan interval, CancellationToken stop, ref long sent)
    {
        Span<byte> message = stackalloc byte[Envelope.HeaderSize + 8];
        Span<byte> text = stackalloc byte[2];
        for (; sent < count && !stop.IsCancellationRequested; sent++)
        {
            var value = Random.Shared.Next(100);
            text[0] = (byte)('0' + (value / 10));
            text[1] = (byte)('0' + (value % 10));
            // The send span ends with the send, before the pause between messages.
            using (var activity = IpcTracing.StartSend(queue.Key, sent))
            {
                var length = new Envelope(EnvelopeKind.Data, sent, Stopwatch.GetTimestamp(), activity?.Context ?? default, text).WriteTo(message);
                if (!Send(queue, EnvelopeKind.Data, message[..length], stop))
                {
                    LogNotDelivered(sent, count, queue.Key);
                    return ProduceOutcome.NotDelivered;
                }

                metrics.Sent(length);
                record.Sent(sent, text, activity?.Context ?? default);
            }

            LogProduced(value);
            if (interval > TimeSpan.Zero)
            {
                stop.WaitHandle.WaitOne(interval);
            }
        }

        var doneLength = new Envelope(EnvelopeKind.Done, sent, Stopwatch.GetTimestamp(), "done"u8).WriteTo(message);
        using var grace = new CancellationTokenSource();
        using var afterStop = stop.Register(() => grace.CancelAfter(ExitMessageGrace));
        if (!Send(queue, EnvelopeKind.Done, message[..doneLength], grace.Token))
        {
            LogNotDelivered(sent, count, queue.Key);
            return ProduceOutcome.NotDelivered;
        }

        metrics.Sent(doneLength);
        LogDone(sent, stop.IsCancellationRequested ? " (stopped early)" : "");
        return ProduceOutcome.Delivered;
    }

    // Tries without blocking, and while the queue is full waits on the token with doubling pauses.
    private static bool Send(MessageQueue queue, EnvelopeKind kind, ReadOnlySpan<byte> payload, CancellationToken giveUp)
    {
        var pause = FirstPause;
        while (!queue.TrySend((long)kind, payload))
        {
            if (giveUp.WaitHandle.WaitOne(pause))
            {
                return false;
            }

            pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Produced: {Value:00}")]
    private partial void LogProduced(int value);

    [LoggerMessage(Level = LogLevel.Information, Message = "Produced: done after {Count} messages{Reason}")]
    private partial void LogDone(long count, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message queue 0x{Key:x8} was removed after {Sent} of {Count} messages: its consumer gave up on it (see the consumer's log); the rest were not delivered")]
    private partial void LogRemoved(int key, long sent, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stopped with message queue 0x{Key:x8} full after {Sent} of {Count} messages: they and the exit message were not delivered (is the consumer running?)")]
    private partial void LogNotDelivered(long sent, int count, int key);
}
