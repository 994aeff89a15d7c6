using System.Buffers.Binary;
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
/// timestamp for end-to-end latency, and UTF-8 text. Little-endian, 16 header bytes.
/// </summary>
public readonly ref struct Envelope(EnvelopeKind kind, long number, long sentTimestamp, ReadOnlySpan<byte> text)
{
    public const int HeaderSize = 16;

    public EnvelopeKind Kind { get; } = kind;

    public long Number { get; } = number;

    public long SentTimestamp { get; } = sentTimestamp;

    public ReadOnlySpan<byte> Text { get; } = text;

    public string TextString => Encoding.UTF8.GetString(Text);

    /// <summary>Writes the envelope into <paramref name="destination"/> and returns the bytes written.</summary>
    public int WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteInt64LittleEndian(destination, Number);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], SentTimestamp);
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
            payload[HeaderSize..]);
        return true;
    }
}
