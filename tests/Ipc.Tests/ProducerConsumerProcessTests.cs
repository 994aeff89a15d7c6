namespace Ipc.Tests;

/// <summary>The producer and consumer as separate processes on one host, as the containers of a pod.</summary>
public class ProducerConsumerProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AConsumerStartedWellBeforeTheProducerStillGetsEveryMessageInOrder()
    {
        var key = KernelQueue.NewKey();
        using var consumer = new DemoProcess("consume", key);
        await consumer.WaitForLineAsync("to be created", Timeout);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(MessageQueue.TryOpen(key, out _));

        using var producer = new DemoProcess("produce", key, ("Ipc__Count", "25"));

        Assert.Equal(0, await producer.WaitForExitAsync(Timeout));
        Assert.Equal(0, await consumer.WaitForExitAsync(Timeout));
        var produced = producer.Messages("Produced");
        Assert.Equal(25, produced.Count);
        Assert.Equal(produced, consumer.Messages("Consumed"));
        Assert.Contains(consumer.Lines, l => l.EndsWith("Consumed: done after 25 messages, none lost; queue removed", StringComparison.Ordinal));
        Assert.False(MessageQueue.TryOpen(key, out _), "the consumer did not remove the queue");
    }

    [Fact]
    public async Task AConsumerWhoseQueueNeverAppearsExitsNonZeroWithAClearError()
    {
        using var consumer = new DemoProcess("consume", KernelQueue.NewKey(), ("Ipc__QueueWaitTimeout", "00:00:01"));

        Assert.Equal(2, await consumer.WaitForExitAsync(Timeout));
        Assert.Contains(consumer.Lines, l => l.Contains("did not appear within", StringComparison.Ordinal) && l.Contains("Ipc__QueueKey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnSigtermTheProducerSendsTheExitMessageBeforeItExits()
    {
        var key = KernelQueue.NewKey();
        using var producer = new DemoProcess("produce", key, ("Ipc__Count", "100000"), ("Ipc__Interval", "00:00:00.020"));
        using var consumer = new DemoProcess("consume", key);
        await consumer.WaitForLineAsync("Consumed: ", Timeout);

        producer.Terminate();

        Assert.Equal(0, await producer.WaitForExitAsync(Timeout));
        Assert.Equal(0, await consumer.WaitForExitAsync(Timeout));
        var consumed = consumer.Messages("Consumed");
        Assert.InRange(consumed.Count, 1, 99_999);
        Assert.Equal(producer.Messages("Produced"), consumed);
        Assert.Contains(consumer.Lines, l => l.EndsWith($"Consumed: done after {consumed.Count} messages, none lost; queue removed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AConsumerWhoseProducerIsKilledGivesUpAfterItsIdleTimeNamingTheLastMessage()
    {
        var key = KernelQueue.NewKey();
        using var producer = new DemoProcess("produce", key, ("Ipc__Count", "100000"), ("Ipc__Interval", "00:00:00.020"));
        using var consumer = new DemoProcess("consume", key, ("Ipc__IdleTimeout", "00:00:02"));
        await consumer.WaitForLineAsync("Consumed: ", Timeout);

        producer.Kill();

        Assert.Equal(5, await consumer.WaitForExitAsync(Timeout));
        Assert.Contains(consumer.Lines, l => l.Contains("No message for 00:00:02 after message", StringComparison.Ordinal));
        Assert.False(MessageQueue.TryOpen(key, out _), "the consumer did not remove the queue");
    }

    [Fact]
    public async Task AProducerOnAFullQueueHonoursSigtermAndExitsNonZero()
    {
        var key = KernelQueue.NewKey();
        using var producer = new DemoProcess("produce", key, ("Ipc__Count", "10000000"));
        try
        {
            await producer.WaitForLineAsync("Produced: ", Timeout);
            Assert.True(MessageQueue.TryOpen(key, out var queue));
            // Full: the producer then waits for room, sending nothing more.
            using (var full = new CancellationTokenSource(Timeout))
            {
                while (queue!.GetStatus() is var status && status.Bytes + 64 <= status.Capacity)
                {
                    await Task.Delay(50, full.Token);
                }
            }

            producer.Terminate();

            // "A few seconds": the pause between two tries on a full queue, then the exit message's grace.
            Assert.Equal(5, await producer.WaitForExitAsync(TimeSpan.FromSeconds(10)));
            Assert.Contains(producer.Lines, l => l.Contains("full after", StringComparison.Ordinal) && l.Contains("were not delivered", StringComparison.Ordinal));
        }
        finally
        {
            if (MessageQueue.TryOpen(key, out var queue))
            {
                queue!.Remove();
            }
        }
    }

    [Fact]
    public async Task TwoConsumersOnOneQueueBothFailSayingWhyAndTheQueueIsRemovedSoTheProducerStopsToo()
    {
        var key = KernelQueue.NewKey();
        using var first = new DemoProcess("consume", key);
        using var second = new DemoProcess("consume", key);
        await first.WaitForLineAsync("to be created", Timeout);
        await second.WaitForLineAsync("to be created", Timeout);
        // Slow enough that each message finds both consumers waiting: the kernel hands them out in turn.
        using var producer = new DemoProcess("produce", key, ("Ipc__Count", "100000"), ("Ipc__Interval", "00:00:00.020"));

        (DemoProcess Consumer, int Exit)[] ends = [(first, await first.WaitForExitAsync(Timeout)), (second, await second.WaitForExitAsync(Timeout))];

        // One sees a message out of order (3) and removes the queue; the other then finds it removed (7), unless it
        // too met a message out of order before the removal.
        Assert.Contains(ends, e => e.Exit == 3);
        foreach (var (consumer, exit) in ends)
        {
            var cause = exit switch
            {
                3 => "is another consumer reading this queue?",
                7 => "Run one consumer per queue",
                _ => throw new Xunit.Sdk.XunitException($"a consumer exited {exit}:\n{string.Join('\n', consumer.Lines)}"),
            };
            Assert.Contains(consumer.Lines, l => l.Contains(cause, StringComparison.Ordinal));
        }

        Assert.Equal(7, await producer.WaitForExitAsync(Timeout));
        Assert.Contains(producer.Lines, l => l.Contains("its consumer gave up on it", StringComparison.Ordinal));
        Assert.False(MessageQueue.TryOpen(key, out _), "the queue was left behind");
    }

    [Fact]
    public async Task WithoutAQueueKeyTheProgramSaysWhichSettingIsMissing()
    {
        using var consumer = new DemoProcess("consume", 0);

        Assert.NotEqual(0, await consumer.WaitForExitAsync(Timeout));
        Assert.Contains(consumer.Lines, l => l.Contains("Ipc__QueueKey", StringComparison.Ordinal));
    }
}
