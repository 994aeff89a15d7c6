using PodSuite.IpcDemo;

namespace Ipc.Tests;

public class IpcOptionsTests
{
    [Theory]
    [InlineData("42", 42)]
    [InlineData("0x1F", 31)]
    [InlineData("0X0e598a17", 0x0e598a17)]
    [InlineData("0", null)]
    [InlineData("0x0", null)]
    [InlineData("", null)]
    [InlineData("queue", null)]
    public void AQueueKeyIsDecimalOrHexAndNeverZero(string text, int? expected) =>
        Assert.Equal(expected, new IpcOptions { QueueKey = text }.ParseQueueKey());
}
