using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

// The message staging buffers are written before they are read; zeroing them would cost more than the system call.
[module: SkipLocalsInit]

namespace PodSuite.Ipc;

/// <summary>
/// A System V message queue (<c>msgget</c>, <c>msgsnd</c>, <c>msgrcv</c>, <c>msgctl</c>): a kernel FIFO of typed
/// messages shared by every process in one IPC namespace, as the containers of a pod are.
/// </summary>
/// <remarks>
/// Sending and receiving allocate nothing for messages up to <see cref="StackLimit"/> bytes. A blocked call that a
/// signal interrupts is retried. Instances are safe to use from several threads.
/// </remarks>
public sealed class MessageQueue
{
    /// <summary>Messages up to this size are staged on the stack; larger ones in a pooled buffer.</summary>
    public const int StackLimit = 8192;

    private const int TypeSize = sizeof(long);
    private static readonly Lazy<int> s_maxMessageSize = new(ReadMaxMessageSize);

    private MessageQueue(int key, int id)
    {
        Key = key;
        Id = id;
    }

    /// <summary>The key the queue was created or opened with.</summary>
    public int Key { get; }

    /// <summary>The kernel's identifier of the queue.</summary>
    public int Id { get; }

    /// <summary>The largest message the kernel accepts, from <c>/proc/sys/kernel/msgmax</c>.</summary>
    public static int MaxMessageSize => s_maxMessageSize.Value;

    /// <summary>Opens the queue with <paramref name="key"/>, creating it if it does not exist.</summary>
    /// <param name="key">The queue's key; not 0 (IPC_PRIVATE).</param>
    /// <param name="permissions">The permission bits of a new queue, 0600 by default.</param>
    public static MessageQueue Create(int key, int permissions = 0x180)
    {
        RequireKey(key);
        var id = SystemV.MessageGet(key, SystemV.IpcCreate | (permissions & 0x1FF));
        return id >= 0 ? new MessageQueue(key, id) : throw Failure("msgget", key, Marshal.GetLastPInvokeError());
    }

    /// <summary>Opens the existing queue with <paramref name="key"/>.</summary>
    /// <returns><see langword="false"/> when no queue has that key yet.</returns>
    public static bool TryOpen(int key, out MessageQueue? queue)
    {
        RequireKey(key);
        var id = SystemV.MessageGet(key, 0);
        if (id >= 0)
        {
            queue = new MessageQueue(key, id);
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        queue = null;
        return errno == Errno.ENOENT ? false : throw Failure("msgget", key, errno);
    }

    /// <summary>Sends a message, waiting while the queue is full.</summary>
    /// <param name="type">The message type, at least 1.</param>
    /// <param name="payload">The message's bytes, at most <see cref="MaxMessageSize"/>.</param>
    public void Send(long type, ReadOnlySpan<byte> payload) => SendCore(type, payload, wait: true);

    /// <summary>Sends a message unless the queue is full.</summary>
    /// <returns><see langword="false"/> when the queue is full and nothing was sent.</returns>
    public bool TrySend(long type, ReadOnlySpan<byte> payload) => SendCore(type, payload, wait: false);

    /// <summary>Receives the oldest message (of <paramref name="type"/> when it is not 0), waiting for one to arrive.</summary>
    /// <param name="buffer">Where the payload goes; a longer message fails with E2BIG.</param>
    /// <param name="receivedType">The type of the received message.</param>
    /// <param name="type">
    /// 0 for any type, a positive type for only that type, a negative one for the lowest type up to its absolute value
    /// (oldest first within a type), leaving messages of higher types where they are.
    /// </param>
    /// <returns>The payload's length.</returns>
    public int Receive(Span<byte> buffer, out long receivedType, long type = 0)
    {
        ReceiveCore(buffer, type, wait: true, out receivedType, out var length);
        return length;
    }

    /// <summary>Receives the oldest message (of <paramref name="type"/> when it is not 0, as for <see cref="Receive"/>) if there is one.</summary>
    /// <returns><see langword="false"/> when no such message is queued.</returns>
    public bool TryReceive(Span<byte> buffer, out long receivedType, out int length, long type = 0) =>
        ReceiveCore(buffer, type, wait: false, out receivedType, out length);

    /// <summary>How many messages and bytes are queued, and the queue's capacity in bytes.</summary>
    public unsafe QueueStatus GetStatus()
    {
        SystemV.QueueIdDataStructure status;
        return SystemV.MessageControl(Id, SystemV.IpcStat, &status) == 0
            ? new QueueStatus((long)status.MessageCount, (long)status.CurrentBytes, (long)status.MaxBytes)
            : throw Failure("msgctl(IPC_STAT)", Key, Marshal.GetLastPInvokeError());
    }

    /// <summary>Removes the queue; processes waiting on it get <see cref="MessageQueueRemovedException"/>.</summary>
    /// <returns><see langword="false"/> when it was already removed.</returns>
    public unsafe bool Remove()
    {
        if (SystemV.MessageControl(Id, SystemV.IpcRemove, null) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno is Errno.EIDRM or Errno.EINVAL ? false : throw Failure("msgctl(IPC_RMID)", Key, errno);
    }

    private unsafe bool SendCore(long type, ReadOnlySpan<byte> payload, bool wait)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(type, 1);
        if (payload.Length > MaxMessageSize)
        {
            throw new MessageTooLargeException(Key, payload.Length, MaxMessageSize);
        }

        byte[]? pooled = null;
        var message = payload.Length <= StackLimit
            ? stackalloc byte[TypeSize + payload.Length]
            : (pooled = ArrayPool<byte>.Shared.Rent(TypeSize + payload.Length));
        try
        {
            BinaryPrimitives.WriteInt64LittleEndian(message, type);
            payload.CopyTo(message[TypeSize..]);
            fixed (byte* pointer = message)
            {
                while (true)
                {
                    if (SystemV.MessageSend(Id, pointer, (nuint)payload.Length, wait ? 0 : SystemV.IpcNoWait) == 0)
                    {
                        return true;
                    }

                    var errno = Marshal.GetLastPInvokeError();
                    switch (errno)
                    {
                        case Errno.EINTR:
                            continue;
                        case Errno.EAGAIN when !wait:
                            return false;
                        default:
                            throw Failure("msgsnd", Key, errno);
                    }
                }
            }
        }
        finally
        {
            if (pooled is not null)
            {
                ArrayPool<byte>.Shared.Return(pooled);
            }
        }
    }

    private unsafe bool ReceiveCore(Span<byte> buffer, long type, bool wait, out long receivedType, out int length)
    {
        byte[]? pooled = null;
        var message = buffer.Length <= StackLimit
            ? stackalloc byte[TypeSize + buffer.Length]
            : (pooled = ArrayPool<byte>.Shared.Rent(TypeSize + buffer.Length));
        try
        {
            fixed (byte* pointer = message)
            {
                while (true)
                {
                    var received = SystemV.MessageReceive(Id, pointer, (nuint)buffer.Length, (nint)type, wait ? 0 : SystemV.IpcNoWait);
                    if (received >= 0)
                    {
                        receivedType = BinaryPrimitives.ReadInt64LittleEndian(message);
                        length = (int)received;
                        message.Slice(TypeSize, length).CopyTo(buffer);
                        return true;
                    }

                    var errno = Marshal.GetLastPInvokeError();
                    switch (errno)
                    {
                        case Errno.EINTR:
                            continue;
                        case Errno.ENOMSG when !wait:
                            receivedType = 0;
                            length = 0;
                            return false;
                        case Errno.E2BIG:
                            throw new MessageQueueException("msgrcv", Key, errno,
                                $"the next message is larger than the {buffer.Length}-byte buffer; receive into a buffer of up to {MaxMessageSize} bytes");
                        default:
                            throw Failure("msgrcv", Key, errno);
                    }
                }
            }
        }
        finally
        {
            if (pooled is not null)
            {
                ArrayPool<byte>.Shared.Return(pooled);
            }
        }
    }

    private static MessageQueueException Failure(string operation, int key, int errno) => errno switch
    {
        Errno.EIDRM => new MessageQueueRemovedException(operation, key),
        Errno.EINVAL when operation is "msgsnd" or "msgrcv" => new MessageQueueRemovedException(operation, key),
        Errno.EACCES => new MessageQueueException(operation, key, errno, "this process may not use the queue; check its permissions and owner"),
        Errno.ENOSPC => new MessageQueueException(operation, key, errno, "the system's limit on queues (/proc/sys/kernel/msgmni) is reached; remove unused queues (ipcs -q, ipcrm)"),
        Errno.ENOENT => new MessageQueueException(operation, key, errno, "no queue has this key yet; the producer creates it"),
        _ => new MessageQueueException(operation, key, errno),
    };

    private static void RequireKey(int key)
    {
        if (key == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(key), "Key 0 is IPC_PRIVATE, a queue no other process can open; use a shared non-zero key.");
        }
    }

    private static int ReadMaxMessageSize() =>
        int.TryParse(File.Exists("/proc/sys/kernel/msgmax") ? File.ReadAllText("/proc/sys/kernel/msgmax").Trim() : null, out var max)
            ? max
            : StackLimit;
}

/// <summary>What a queue holds now.</summary>
/// <param name="Messages">The number of queued messages.</param>
/// <param name="Bytes">The bytes of the queued messages' payloads.</param>
/// <param name="Capacity">The most payload bytes the queue holds before senders wait.</param>
public readonly record struct QueueStatus(long Messages, long Bytes, long Capacity);
