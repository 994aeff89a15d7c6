using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PodSuite.IpcDemo;

namespace Ipc.Tests;

/// <summary>Each message is one trace across the queue: the consumer's span joins the producer's.</summary>
public sealed class TraceAcrossQueueTests : IDisposable
{
    private readonly KernelQueue _kernel = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly List<Activity> _spans = [];
    private readonly ActivityListener _listener;

    public TraceAcrossQueueTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == IpcTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (_spans)
                {
                    _spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _kernel.Queue.Remove();
        _services.Dispose();
    }

    [Fact]
    public void EachConsumedMessageIsASpanInTheTraceOfItsSend()
    {
        var metrics = new IpcMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        Assert.Equal(ProduceOutcome.Delivered, new QueueProducer(metrics, new RunRecord(TimeProvider.System), NullLogger<QueueProducer>.Instance).Produce(_kernel.Queue, 3, TimeSpan.Zero, CancellationToken.None));

        Assert.Equal(ConsumeOutcome.Completed, new QueueConsumer(metrics, new RunRecord(TimeProvider.System), TimeProvider.System, NullLogger<QueueConsumer>.Instance).Consume(_kernel.Queue, CancellationToken.None));

        List<Activity> spans;
        lock (_spans)
        {
            spans = [.. _spans];   // other tests' consumers (QueueConsumerTests) may still add to it
        }

        var ours = spans.Where(s => s.GetTagItem("messaging.destination.name") as string == $"0x{_kernel.Queue.Key:x8}").ToList();
        var sends = ours.Where(s => s.Kind == ActivityKind.Producer).ToList();
        var processes = ours.Where(s => s.Kind == ActivityKind.Consumer).ToList();
        Assert.Equal(3, sends.Count);
        Assert.Equal(3, sends.Select(s => s.TraceId).Distinct().Count());
        Assert.Equal(3, processes.Count);
        Assert.All(processes, process =>
        {
            var send = Assert.Single(sends, s => s.TraceId == process.TraceId);
            Assert.Equal(send.SpanId, process.ParentSpanId);
            Assert.Equal(send.GetTagItem("messaging.message.id"), process.GetTagItem("messaging.message.id"));
            Assert.Equal($"process 0x{_kernel.Queue.Key:x8}", process.DisplayName);
        });
    }

    [Fact]
    public void ASendSpanEndsWithItsSendNotAfterThePauseBeforeTheNextMessage()
    {
        var metrics = new IpcMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var pause = TimeSpan.FromMilliseconds(400);

        Assert.Equal(ProduceOutcome.Delivered, new QueueProducer(metrics, new RunRecord(TimeProvider.System), NullLogger<QueueProducer>.Instance).Produce(_kernel.Queue, 2, pause, CancellationToken.None));

        List<Activity> spans;
        lock (_spans)
        {
            spans = [.. _spans];
        }

        var sends = spans.Where(s => s.Kind == ActivityKind.Producer && s.GetTagItem("messaging.destination.name") as string == $"0x{_kernel.Queue.Key:x8}").ToList();
        Assert.Equal(2, sends.Count);
        Assert.All(sends, send => Assert.True(send.Duration < pause / 2, $"a send span lasted {send.Duration.TotalMilliseconds} ms"));
    }

    [Fact]
    public void AnUntracedEnvelopeCarriesNoTraceEvenInABufferThatHeldATracedOne()
    {
        // The producer reuses one buffer for every message, so a traced message's context is in it before the next.
        Span<byte> message = stackalloc byte[Envelope.HeaderSize + 2];
        var traced = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        new Envelope(EnvelopeKind.Data, 0, Stopwatch.GetTimestamp(), traced, "22"u8).WriteTo(message);
        var length = new Envelope(EnvelopeKind.Data, 1, Stopwatch.GetTimestamp(), "11"u8).WriteTo(message);

        Assert.True(Envelope.TryRead((long)EnvelopeKind.Data, message[..length], out var envelope));

        Assert.Equal(default, envelope.TraceContext);
        Assert.Equal("11", envelope.TextString);
    }
}
