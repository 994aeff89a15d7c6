using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PodSuite.IpcDemo;

/// <summary>Messages and bytes moved through the queue, and how long a message took from send to receive.</summary>
public sealed class IpcMetrics
{
    public const string MeterName = "PodSuite.Ipc";

    private readonly Counter<long> _messagesSent;
    private readonly Counter<long> _bytesSent;
    private readonly Counter<long> _messagesReceived;
    private readonly Counter<long> _bytesReceived;
    private readonly Histogram<double> _latency;

    public IpcMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _messagesSent = meter.CreateCounter<long>("ipc.messages.sent", "{message}", "Messages sent to the queue");
        _bytesSent = meter.CreateCounter<long>("ipc.bytes.sent", "By", "Payload bytes sent to the queue");
        _messagesReceived = meter.CreateCounter<long>("ipc.messages.received", "{message}", "Messages received from the queue");
        _bytesReceived = meter.CreateCounter<long>("ipc.bytes.received", "By", "Payload bytes received from the queue");
        _latency = meter.CreateHistogram<double>("ipc.message.latency", "ms", "Time from send to receive (both ends on one host's monotonic clock)");
    }

    public void Sent(int bytes)
    {
        _messagesSent.Add(1);
        _bytesSent.Add(bytes);
    }

    public void Received(int bytes, long sentTimestamp)
    {
        _messagesReceived.Add(1);
        _bytesReceived.Add(bytes);
        _latency.Record(Stopwatch.GetElapsedTime(sentTimestamp).TotalMilliseconds);
    }
}
