using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;

namespace PodSuite.IpcDemo;

/// <summary>The kinds of message on the demo queue; the queue's message type says which.</summary>
public enum EnvelopeKind : long
{
    /// <summary>A numbered message with text.</summary>
    Data = 1,

    /// <summary>The exit message: no more data follows; carries how many data messages were sent.</summary>
    Done = 2,

    /// <summary>Sent by a stopping consumer to itself, to wake its blocked receive.</summary>
    Wake = 3,
}

/// <summary>
/// One message: a sequence number (or, for <see cref="EnvelopeKind.Done"/>, the count sent), the sender's monotonic
/// timestamp for end-to-end latency, the W3C trace context of the send (trace id, span id, trace flags; zeros when it
/// was not traced), and UTF-8 text. Little-endian, 41 header bytes.
/// </summary>
public readonly ref struct Envelope(EnvelopeKind kind, long number, long sentTimestamp, ActivityContext traceContext, ReadOnlySpan<byte> text)
{
    public const int HeaderSize = 41;

    private const int TraceIdOffset = 16;
    private const int SpanIdOffset = 32;
    private const int TraceFlagsOffset = 40;

    public Envelope(EnvelopeKind kind, long number, long sentTimestamp, ReadOnlySpan<byte> text)
        : this(kind, number, sentTimestamp, default, text)
    {
    }

    public EnvelopeKind Kind { get; } = kind;

    public long Number { get; } = number;

    public long SentTimestamp { get; } = sentTimestamp;

    /// <summary>The context of the sender's span, for the receiver's span to join its trace; default when there was none.</summary>
    public ActivityContext TraceContext { get; } = traceContext;

    public ReadOnlySpan<byte> Text { get; } = text;

    public string TextString => Encoding.UTF8.GetString(Text);

    /// <summary>Writes the envelope into <paramref name="destination"/> and returns the bytes written.</summary>
    public int WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteInt64LittleEndian(destination, Number);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], SentTimestamp);
        destination[TraceIdOffset..HeaderSize].Clear();
        if (TraceContext != default)
        {
            TraceContext.TraceId.CopyTo(destination[TraceIdOffset..SpanIdOffset]);
            TraceContext.SpanId.CopyTo(destination[SpanIdOffset..TraceFlagsOffset]);
            destination[TraceFlagsOffset] = (byte)TraceContext.TraceFlags;
        }

        Text.CopyTo(destination[HeaderSize..]);
        return HeaderSize + Text.Length;
    }

    /// <summary>Reads a message of the demo, or returns <see langword="false"/> for one that is not.</summary>
    public static bool TryRead(long type, ReadOnlySpan<byte> payload, out Envelope envelope)
    {
        if (type is < (long)EnvelopeKind.Data or > (long)EnvelopeKind.Wake || payload.Length < HeaderSize)
        {
            envelope = default;
            return false;
        }

        envelope = new((EnvelopeKind)type,
            BinaryPrimitives.ReadInt64LittleEndian(payload),
            BinaryPrimitives.ReadInt64LittleEndian(payload[8..]),
            ReadTraceContext(payload),
            payload[HeaderSize..]);
        return true;
    }

    private static ActivityContext ReadTraceContext(ReadOnlySpan<byte> payload)
    {
        var traceId = payload[TraceIdOffset..SpanIdOffset];
        if (!traceId.ContainsAnyExcept((byte)0))
        {
            return default;
        }

        return new ActivityContext(
            ActivityTraceId.CreateFromBytes(traceId),
            ActivitySpanId.CreateFromBytes(payload[SpanIdOffset..TraceFlagsOffset]),
            (ActivityTraceFlags)payload[TraceFlagsOffset],
            isRemote: true);
    }
}
