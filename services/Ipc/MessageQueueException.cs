namespace PodSuite.Ipc;

/// <summary>A message queue call failed; the message names the call, the queue, the error and what it means.</summary>
public class MessageQueueException : IOException
{
    public MessageQueueException(string operation, int key, int errno, string? advice = null)
        : base(Describe(operation, key, errno, advice)) => Errno = errno;

    /// <summary>The error number the call reported.</summary>
    public int Errno { get; }

    /// <summary>The symbolic name of <see cref="Errno"/>, such as <c>EIDRM</c>.</summary>
    public string ErrorName => Ipc.Errno.Name(Errno);

    private static string Describe(string operation, int key, int errno, string? advice) =>
        $"{operation} on message queue key 0x{key:x8} failed: {Ipc.Errno.Name(errno)} ({Ipc.Errno.Meaning(errno)})"
        + (advice is null ? "." : $": {advice}");
}

/// <summary>The queue was removed, possibly while a caller was waiting on it.</summary>
public sealed class MessageQueueRemovedException(string operation, int key)
    : MessageQueueException(operation, key, Ipc.Errno.EIDRM, "the queue was removed (msgctl IPC_RMID) while in use");

/// <summary>A message is larger than the kernel allows (<c>/proc/sys/kernel/msgmax</c>).</summary>
public sealed class MessageTooLargeException(int key, int size, int limit) : MessageQueueException(
    "msgsnd", key, Ipc.Errno.EINVAL,
    $"a message of {size} bytes is larger than the kernel's limit of {limit} bytes (/proc/sys/kernel/msgmax); send smaller messages")
{
    /// <summary>The size of the refused message in bytes.</summary>
    public int Size { get; } = size;

    /// <summary>The kernel's limit in bytes.</summary>
    public int Limit { get; } = limit;
}
