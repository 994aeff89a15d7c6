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

    /// <summary>No message came for the idle time: the producer is gone.</summary>
    Idle = 5,

    /// <summary>A message of the demo's types that is not the demo's: another program uses the queue.</summary>
    Foreign = 6,

    /// <summary>The queue was removed while this consumer read it: another consumer gave up on it, or it was removed by hand.</summary>
    QueueRemoved = 7,
}

/// <summary>Waits for the queue, reads messages in order until the exit message, checks none was lost.</summary>
public sealed partial class QueueConsumer(IpcMetrics metrics, RunRecord record, TimeProvider time, ILogger<QueueConsumer> logger)
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
    /// returns <see cref="ConsumeOutcome.Stopped"/> unless the exit message was among it; when no message comes for
    /// <paramref name="idleTimeout"/>, it returns <see cref="ConsumeOutcome.Idle"/>; when the queue is removed under it, <see cref="ConsumeOutcome.QueueRemoved"/>. It reads only the demo's message
    /// types, so another program's messages stay where they are; on any failure but that one (a foreign message, put back,
    /// with the queue left to its owner) it removes the queue, so that a producer still sending fails at once rather
    /// than waiting on a full queue nobody reads.
    /// </summary>
    public ConsumeOutcome Consume(MessageQueue queue, CancellationToken stop, TimeSpan? idleTimeout = null)
    {
        var idle = new IdleWatch(queue, idleTimeout ?? Timeout.InfiniteTimeSpan);
        // A blocked msgrcv does not see the token: a message to ourselves wakes it (if the queue is full, it is not blocked).
        using var wake = stop.Register(() => queue.TrySend((long)EnvelopeKind.Wake, new byte[Envelope.HeaderSize]));
        using var watch = idle.Start();
        long consumed = 0;
        ConsumeOutcome outcome;
        try
        {
            outcome = Read(queue, stop, idle, ref consumed);
        }
        catch (MessageQueueRemovedException)
        {
            LogRemoved(queue.Key, consumed);
            return ConsumeOutcome.QueueRemoved;
        }

        // A foreign message means the queue is another program's too: it is left to them, with their message put back.
        if (outcome is not (ConsumeOutcome.Completed or ConsumeOutcome.Stopped or ConsumeOutcome.Foreign))
        {
            queue.Remove();
        }

        return outcome;
    }

    private ConsumeOutcome Read(MessageQueue queue, CancellationToken stop, IdleWatch idle, ref long expected)
    {
        Span<byte> buffer = stackalloc byte[MessageQueue.MaxMessageSize];
        while (true)
        {
            int length;
            long type;
            if (stop.IsCancellationRequested)
            {
                if (!queue.TryReceive(buffer, out type, out length, OurTypes))
                {
                    LogStopped(expected);
                    return ConsumeOutcome.Stopped;
                }
            }
            else
            {
                length = queue.Receive(buffer, out type, OurTypes);
            }

            if (!Envelope.TryRead(type, buffer[..length], out var envelope))
            {
                // Not ours after all: put it back, and leave the queue to whoever owns it.
                queue.TrySend(type, buffer[..length]);
                LogForeign(type, length, queue.Key);
                return ConsumeOutcome.Foreign;
            }

            if (envelope.Kind == EnvelopeKind.Wake)
            {
                if (idle.Expired)
                {
                    LogIdle(idle.Timeout, expected);
                    return ConsumeOutcome.Idle;
                }

                continue;
            }

            idle.Progress();

            metrics.Received(length, envelope.SentTimestamp);
            if (envelope.Kind == EnvelopeKind.Done)
            {
                if (envelope.Number != expected)
                {
                    LogCountMismatch(envelope.Number, expected);
                    return ConsumeOutcome.LostOrReordered;
                }

                if (queue.GetStatus().Messages > 0)
                {
                    // Another program's messages are in it: the queue is not only ours to remove.
                    LogDoneLeavingForeign(expected, queue.GetStatus().Messages);
                    return ConsumeOutcome.Completed;
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
            using var activity = IpcTracing.StartProcess(queue.Key, envelope.Number, envelope.TraceContext);
            record.Received(envelope.Number, envelope.Text, envelope.SentTimestamp, envelope.TraceContext);
            LogConsumed(envelope.TextString);
        }
    }

    // msgrcv with a negative type takes the lowest type up to it: only the demo's kinds, Data first, then Done, then Wake.
    private const long OurTypes = -(long)EnvelopeKind.Wake;

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

    [LoggerMessage(Level = LogLevel.Error, Message = "No message for {Timeout} after message {Count} (the last sequence number seen is {Count} - 1): the producer is gone; giving up and removing the queue")]
    private partial void LogIdle(TimeSpan timeout, long count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A message of type {Type} ({Length} bytes) on queue 0x{Key:x8} is not a PodSuite IPC message: another program uses this queue. The message was put back; choose another Ipc__QueueKey")]
    private partial void LogForeign(long type, int length, int key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumed: done after {Count} messages, none lost; the queue still holds {Foreign} messages of another program, so it is left in place")]
    private partial void LogDoneLeavingForeign(long count, long foreign);

    [LoggerMessage(Level = LogLevel.Error, Message = "Expected message {Expected} but got {Actual}: messages were lost or reordered (is another consumer reading this queue?)")]
    private partial void LogOutOfOrder(long expected, long actual);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message queue 0x{Key:x8} was removed after {Count} messages, before the exit message: another consumer of the same queue gave up on it (see its log), or it was removed by hand. Run one consumer per queue")]
    private partial void LogRemoved(int key, long count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The producer says it sent {Sent} messages but {Received} arrived")]
    private partial void LogCountMismatch(long sent, long received);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped before the exit message, after draining the queue: {Count} messages consumed")]
    private partial void LogStopped(long count);
}
