using System.Buffers.Binary;
using System.Text;

namespace Ipc.Tests;

public sealed class MessageQueueTests : IDisposable
{
    private readonly KernelQueue _kernel = new();

    private MessageQueue Queue => _kernel.Queue;

    public void Dispose() => _kernel.Dispose();

    [Fact]
    public void ANegativeTypeReceivesTheLowestTypeUpToItAndLeavesHigherTypesQueued()
    {
        using var kernel = new KernelQueue();
        kernel.Queue.Send(7, "seven"u8);
        kernel.Queue.Send(2, "two"u8);
        kernel.Queue.Send(1, "one"u8);
        Span<byte> buffer = stackalloc byte[16];

        var first = kernel.Queue.Receive(buffer, out var firstType, type: -3);
        var second = kernel.Queue.Receive(buffer, out var secondType, type: -3);

        Assert.Equal((1L, 3), (firstType, first));
        Assert.Equal((2L, 3), (secondType, second));
        Assert.False(kernel.Queue.TryReceive(buffer, out _, out _, type: -3));
        Assert.Equal(1, kernel.Queue.GetStatus().Messages);
    }

    [Fact]
    public void AMessageArrivesWithItsTypeAndBytes()
    {
        Queue.Send(7, "hello, pod"u8);

        var buffer = new byte[64];
        var length = Queue.Receive(buffer, out var type);

        Assert.Equal(7, type);
        Assert.Equal("hello, pod", Encoding.UTF8.GetString(buffer, 0, length));
    }

    [Fact]
    public void AnotherProcessOpeningTheSameKeyGetsTheSameQueue()
    {
        Assert.True(MessageQueue.TryOpen(Queue.Key, out var opened));

        opened!.Send(1, "x"u8);

        Assert.Equal(Queue.Id, opened.Id);
        Assert.Equal(1, Queue.GetStatus().Messages);
    }

    [Fact]
    public void OpeningAKeyWithNoQueueSaysSo()
    {
        Assert.False(MessageQueue.TryOpen(KernelQueue.NewKey(), out var queue));
        Assert.Null(queue);
    }

    [Fact]
    public void MessagesArriveInTheOrderTheyWereSent()
    {
        for (var i = 0; i < 1_000; i++)
        {
            Queue.Send(1 + (i % 3), BitConverter.GetBytes(i));
        }

        var buffer = new byte[8];
        for (var i = 0; i < 1_000; i++)
        {
            Queue.Receive(buffer, out var type);
            Assert.Equal(i, BitConverter.ToInt32(buffer));
            Assert.Equal(1 + (i % 3), type);
        }
    }

    [Fact]
    public void AReceiverCanAskForOneTypeOnly()
    {
        Queue.Send(1, "data"u8);
        Queue.Send(2, "done"u8);

        var buffer = new byte[8];
        var length = Queue.Receive(buffer, out var type, type: 2);

        Assert.Equal((2, "done"), (type, Encoding.ASCII.GetString(buffer, 0, length)));
        Assert.Equal(1, Queue.GetStatus().Messages);
    }

    [Fact]
    public void AMessageLargerThanTheKernelAllowsIsRefusedClearly()
    {
        var error = Assert.Throws<MessageTooLargeException>(() => Queue.Send(1, new byte[MessageQueue.MaxMessageSize + 1]));

        Assert.Equal(MessageQueue.MaxMessageSize, error.Limit);
        Assert.Contains("EINVAL", error.Message);
        Assert.Contains("/proc/sys/kernel/msgmax", error.Message);
        Assert.Equal(0, Queue.GetStatus().Messages);
    }

    [Fact]
    public void AMessageLargerThanTheReceiveBufferNamesTheErrorAndItsMeaning()
    {
        Queue.Send(1, new byte[100]);

        var error = Assert.Throws<MessageQueueException>(() => Queue.Receive(new byte[10], out _));

        Assert.Equal(Errno.E2BIG, error.Errno);
        Assert.Contains("E2BIG (Argument list too long)", error.Message);
        Assert.Equal(1, Queue.GetStatus().Messages);
    }

    [Fact]
    public void AFullQueueFailsFastWhenAskedTo()
    {
        var message = new byte[MessageQueue.MaxMessageSize];
        var sent = 0;
        while (Queue.TrySend(1, message))
        {
            sent++;
            Assert.InRange(sent, 1, 10_000);
        }

        var status = Queue.GetStatus();
        Assert.Equal(sent, status.Messages);
        Assert.True(status.Bytes + message.Length > status.Capacity);
    }

    [Fact]
    public async Task AFullQueueBlocksTheSenderUntilAReaderMakesRoom()
    {
        var message = new byte[MessageQueue.MaxMessageSize];
        while (Queue.TrySend(1, message))
        {
        }

        var sender = new TaskCompletionSource<int>();
        var blocked = Task.Factory.StartNew(() =>
        {
            sender.SetResult(BlockedThread.CurrentId());
            Queue.Send(2, "last"u8);
        }, TaskCreationOptions.LongRunning);
        await BlockedThread.WaitUntilBlockedInAsync(await sender.Task, "msgsnd", TimeSpan.FromSeconds(30));
        Assert.False(blocked.IsCompleted, "the sender did not wait for room");

        Queue.Receive(new byte[message.Length], out _);
        await blocked.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(blocked.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task RemovingTheQueueUnderAWaitingReaderGivesAClearErrorNotAHang()
    {
        var receiver = new TaskCompletionSource<int>();
        var reader = Task.Factory.StartNew(() =>
        {
            receiver.SetResult(BlockedThread.CurrentId());
            return Queue.Receive(new byte[16], out _);
        }, TaskCreationOptions.LongRunning);
        await BlockedThread.WaitUntilBlockedInAsync(await receiver.Task, "msgrcv", TimeSpan.FromSeconds(30));
        Assert.False(reader.IsCompleted);

        Assert.True(Queue.Remove());

        var error = await Assert.ThrowsAsync<MessageQueueRemovedException>(() => reader.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Contains("EIDRM", error.Message);
        Assert.Contains("removed", error.Message);
        Assert.False(Queue.Remove());
    }

    [Fact]
    public async Task AHundredThousandMessagesArriveWithNoneLost()
    {
        const int count = 100_000;
        var receiver = Task.Factory.StartNew(() =>
        {
            Span<byte> buffer = stackalloc byte[128];
            for (long expected = 0; expected < count; expected++)
            {
                var length = Queue.Receive(buffer, out _);
                Assert.Equal(128, length);
                Assert.Equal(expected, BinaryPrimitives.ReadInt64LittleEndian(buffer));
            }
        }, TaskCreationOptions.LongRunning);

        Span<byte> message = stackalloc byte[128];
        for (long sequence = 0; sequence < count; sequence++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(message, sequence);
            Queue.Send(1, message);
        }

        await receiver.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, Queue.GetStatus().Messages);
    }

    [Fact]
    public void KeyZeroIsRefusedBecauseNoOtherProcessCouldOpenIt()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MessageQueue.Create(0));

        Assert.Contains("IPC_PRIVATE", error.Message);
    }
}
