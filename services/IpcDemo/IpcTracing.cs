using System.Diagnostics;

namespace PodSuite.IpcDemo;

/// <summary>
/// One trace per message across the queue: the producer's <c>send</c> span, whose context travels in the envelope,
/// and the consumer's <c>process</c> span in the same trace. Names and tags follow OpenTelemetry's messaging
/// conventions. With no listener, no span is made and the envelope carries zeros. The service's defaults listen
/// whenever tracing is configured, with an exporter or without one.
/// </summary>
public static class IpcTracing
{
    public const string SourceName = "PodSuite.Ipc";

    private const string MessagingSystem = "sysv_msgq";

    public static readonly ActivitySource Source = new(SourceName);

    public static Activity? StartSend(int queueKey, long number) =>
        Start("send", ActivityKind.Producer, queueKey, number, parent: default);

    public static Activity? StartProcess(int queueKey, long number, ActivityContext sent) =>
        Start("process", ActivityKind.Consumer, queueKey, number, sent);

    private static Activity? Start(string operation, ActivityKind kind, int queueKey, long number, ActivityContext parent)
    {
        if (!Source.HasListeners())
        {
            return null;   // before the names are formatted: this runs once per message
        }

        var destination = $"0x{queueKey:x8}";
        var activity = Source.StartActivity($"{operation} {destination}", kind, parent);
        activity?.SetTag("messaging.system", MessagingSystem);
        activity?.SetTag("messaging.operation.name", operation);
        activity?.SetTag("messaging.destination.name", destination);
        activity?.SetTag("messaging.message.id", number);
        return activity;
    }
}
