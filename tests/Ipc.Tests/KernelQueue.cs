namespace Ipc.Tests;

/// <summary>A real kernel message queue with a random key, removed when the test ends.</summary>
internal sealed class KernelQueue : IDisposable
{
    public KernelQueue() => Queue = MessageQueue.Create(NewKey());

    public MessageQueue Queue { get; }

    public static int NewKey() => Random.Shared.Next(0x10000, int.MaxValue);

    public void Dispose() => Queue.Remove();
}
