using PodSuite.Ipc;

namespace PodSuite.IpcDemo;

/// <summary>How a consumer run ended; the value is the process's exit code.</summary>
public enum ConsumeOutcome
{
    /// <summary>Every message arrived in order, then the exit message; the queue was removed.</summary>
    Completed = 0,

    /// <summary>The queue never appeared within the timeout.</summary>
    NoQueue = 2,

    /// <summary>A message was missing or out of order, or the exit message's count did not match.</summary>
    LostOrReordered = 3,

    /// <summary>Stopped by a signal before the exit message; what was queued was drained first.</summary>
    Stopped = 4,
}

/// <summary>Waits for the queue, reads messages in order until the exit message, checks none was lost.</summary>
public sealed partial class QueueConsumer(IpcMetrics metrics, TimeProvider time, ILogger<QueueConsumer> logger)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(1);

    /// <summary>Opens the queue, retrying with doubling pauses until it exists or <paramref name="timeout"/> passes.</summary>
    public MessageQueue? WaitForQueue(int key, TimeSpan timeout, CancellationToken stop)
    {
        var started = time.GetTimestamp();
        var pause = FirstRetry;
        for (var attempt = 1; ; attempt++)
        {
            if (MessageQueue.TryOpen(key, out var queue))
            {
                LogOpened(key, attempt);
                return queue;
            }

            var waited = time.GetElapsedTime(started);
            if (waited >= timeout || stop.IsCancellationRequested)
            {
                LogNoQueue(key, waited);
                return null;
            }

            if (attempt == 1)
            {
                LogWaiting(key, timeout);
            }

            stop.WaitHandle.WaitOne(Min(pause, timeout - waited));
            pause = Min(pause * 2, LongestRetry);
        }
    }

    /// <summary>
    /// Reads until the exit message. When <paramref name="stop"/> is signalled, it reads what is already queued and
    /// returns <see cref="ConsumeOutcome.Stopped"/> unless the exit message was among it.
    /// </summary>
    public ConsumeOutcome Consume(MessageQueue queue, CancellationToken stop)
    {
        // A blocked msgrcv does not see the token: a message to ourselves wakes it (if the queue is full, it is not blocked).
        using var wake = stop.Register(() => queue.TrySend((long)EnvelopeKind.Wake, new byte[Envelope.HeaderSize]));
        Span<byte> buffer = stackalloc byte[MessageQueue.MaxMessageSize];
        long expected = 0;
        while (true)
        {
            int length;
            long type;
            if (stop.IsCancellationRequested)
            {
                if (!queue.TryReceive(buffer, out type, out length))
                {
                    LogStopped(expected);
                    return ConsumeOutcome.Stopped;
                }
            }
            else
            {
                length = queue.Receive(buffer, out type);
            }

            var envelope = Envelope.Read(type, buffer[..length]);
            if (envelope.Kind == EnvelopeKind.Wake)
            {
                continue;
            }

            metrics.Received(length, envelope.SentTimestamp);
            if (envelope.Kind == EnvelopeKind.Done)
            {
                if (envelope.Number != expected)
                {
                    LogCountMismatch(envelope.Number, expected);
                    return ConsumeOutcome.LostOrReordered;
                }

                queue.Remove();
                LogDone(expected);
                return ConsumeOutcome.Completed;
            }

            if (envelope.Number != expected)
            {
                LogOutOfOrder(expected, envelope.Number);
                return ConsumeOutcome.LostOrReordered;
            }

            expected++;
            LogConsumed(envelope.TextString);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting up to {Timeout} for message queue 0x{Key:x8} to be created")]
    private partial void LogWaiting(int key, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened message queue 0x{Key:x8} (attempt {Attempt})")]
    private partial void LogOpened(int key, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message queue 0x{Key:x8} did not appear within {Waited}: is the producer running in this pod (same IPC namespace) with the same Ipc__QueueKey?")]
    private partial void LogNoQueue(int key, TimeSpan waited);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consumed: {Text}")]
    private partial void LogConsumed(string text);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consumed: done after {Count} messages, none lost; queue removed")]
    private partial void LogDone(long count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Expected message {Expected} but got {Actual}: messages were lost or reordered")]
    private partial void LogOutOfOrder(long expected, long actual);

    [LoggerMessage(Level = LogLevel.Error, Message = "The producer says it sent {Sent} messages but {Received} arrived")]
    private partial void LogCountMismatch(long sent, long received);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped before the exit message, after draining the queue: {Count} messages consumed")]
    private partial void LogStopped(long count);
}
