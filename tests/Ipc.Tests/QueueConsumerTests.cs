using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Testing;
using PodSuite.IpcDemo;

namespace Ipc.Tests;

public sealed class QueueConsumerTests : IDisposable
{
    private readonly KernelQueue _kernel = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeLogger<QueueConsumer> _log = new();

    public void Dispose()
    {
        _kernel.Queue.Remove();
        _services.Dispose();
    }

    [Fact]
    public void AStoppedConsumerDrainsWhatIsAlreadyQueued()
    {
        Send(EnvelopeKind.Data, 0, "11");
        Send(EnvelopeKind.Data, 1, "22");
        Send(EnvelopeKind.Data, 2, "33");
        using var stopped = new CancellationTokenSource();
        stopped.Cancel();

        var outcome = Consumer().Consume(_kernel.Queue, stopped.Token);

        Assert.Equal(ConsumeOutcome.Stopped, outcome);
        Assert.Equal(["Consumed: 11", "Consumed: 22", "Consumed: 33"], ConsumedLines());
        Assert.Equal(0, _kernel.Queue.GetStatus().Messages);
    }

    [Fact]
    public void AMissingMessageIsDetected()
    {
        Send(EnvelopeKind.Data, 0, "11");
        Send(EnvelopeKind.Data, 2, "33");
        Send(EnvelopeKind.Done, 3, "done");

        var outcome = Consumer().Consume(_kernel.Queue, CancellationToken.None);

        Assert.Equal(ConsumeOutcome.LostOrReordered, outcome);
        Assert.Equal(3, (int)outcome);
        Assert.Contains(_log.Collector.GetSnapshot(), r => r.Message.StartsWith("Expected message 1 but got 2: messages were lost or reordered (is another consumer", StringComparison.Ordinal));
        Assert.False(MessageQueue.TryOpen(_kernel.Queue.Key, out _), "a failed consumer leaves no queue for a producer to block on");
    }

    [Fact]
    public void AnotherProgramsMessageIsLeftOnTheQueueAndTheQueueWithIt()
    {
        _kernel.Queue.Send(7, "theirs"u8);
        Send(EnvelopeKind.Data, 0, "11");
        Send(EnvelopeKind.Done, 1, "done");

        var outcome = Consumer().Consume(_kernel.Queue, CancellationToken.None);

        Assert.Equal(ConsumeOutcome.Completed, outcome);
        Span<byte> buffer = stackalloc byte[64];
        Assert.True(_kernel.Queue.TryReceive(buffer, out var type, out var length));
        Assert.Equal((7, "theirs"), (type, System.Text.Encoding.UTF8.GetString(buffer[..length])));
        Assert.Contains(_log.Collector.GetSnapshot(), r => r.Message.Contains("still holds 1 messages of another program, so it is left in place", StringComparison.Ordinal));
    }

    [Fact]
    public void AMessageOfADemoTypeThatIsNotTheDemosIsPutBackTheQueueLeftToItsOwnerAndTheRunFails()
    {
        _kernel.Queue.Send((long)EnvelopeKind.Data, "abc"u8);

        var outcome = Consumer().Consume(_kernel.Queue, CancellationToken.None);

        Assert.Equal(ConsumeOutcome.Foreign, outcome);
        Assert.Equal(6, (int)outcome);
        // The queue is another program's too: it stays, with their message in it.
        Span<byte> buffer = stackalloc byte[64];
        Assert.True(_kernel.Queue.TryReceive(buffer, out var type, out var length));
        Assert.Equal(((long)EnvelopeKind.Data, "abc"), (type, System.Text.Encoding.UTF8.GetString(buffer[..length])));
        Assert.Contains(_log.Collector.GetSnapshot(), r => r.Message.Contains("is not a PodSuite IPC message: another program uses this queue", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AConsumerThatHearsNothingForItsIdleTimeGivesUpNamingTheLastMessage()
    {
        Send(EnvelopeKind.Data, 0, "11");
        Send(EnvelopeKind.Data, 1, "22");

        var outcome = await Task.Run(() => Consumer().Consume(_kernel.Queue, CancellationToken.None, idleTimeout: TimeSpan.FromSeconds(1)))
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ConsumeOutcome.Idle, outcome);
        Assert.Contains(_log.Collector.GetSnapshot(), r => r.Message.StartsWith("No message for 00:00:01 after message 2", StringComparison.Ordinal));
        Assert.False(MessageQueue.TryOpen(_kernel.Queue.Key, out _));
    }

    [Fact]
    public void AnExitMessageThatCountsMoreThanArrivedIsDetected()
    {
        Send(EnvelopeKind.Data, 0, "11");
        Send(EnvelopeKind.Done, 2, "done");

        Assert.Equal(ConsumeOutcome.LostOrReordered, Consumer().Consume(_kernel.Queue, CancellationToken.None));
    }

    [Fact]
    public void ReceivedMessagesAndTheirLatencyAreMeasured()
    {
        using var received = new MetricCollector<long>(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), IpcMetrics.MeterName, "ipc.messages.received");
        using var latency = new MetricCollector<double>(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), IpcMetrics.MeterName, "ipc.message.latency");
        Send(EnvelopeKind.Data, 0, "11");
        Send(EnvelopeKind.Done, 1, "done");

        Assert.Equal(ConsumeOutcome.Completed, Consumer().Consume(_kernel.Queue, CancellationToken.None));

        Assert.Equal(2, received.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(2, latency.GetMeasurementSnapshot().Count);
        Assert.All(latency.GetMeasurementSnapshot(), m => Assert.InRange(m.Value, 0, 60_000));
    }

    private QueueConsumer Consumer() =>
        new(new IpcMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()), new RunRecord(TimeProvider.System), TimeProvider.System, _log);

    private IEnumerable<string> ConsumedLines() =>
        _log.Collector.GetSnapshot().Select(r => r.Message).Where(m => m.StartsWith("Consumed: ", StringComparison.Ordinal));

    private void Send(EnvelopeKind kind, long number, string text)
    {
        Span<byte> message = stackalloc byte[64];
        var length = new Envelope(kind, number, Stopwatch.GetTimestamp(), System.Text.Encoding.UTF8.GetBytes(text)).WriteTo(message);
        _kernel.Queue.Send((long)kind, message[..length]);
    }
}
