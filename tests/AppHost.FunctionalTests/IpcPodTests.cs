using System.Diagnostics;

namespace AppHost.FunctionalTests;

[Collection(PodSuiteCollection.Name)]
public class IpcPodTests(PodSuiteAppFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task TheConsumerGetsEveryProducedMessageInOrderThenTheExitMessageAndExitsZero()
    {
        using var timeout = new CancellationTokenSource(Timeout);

        var consumer = await WaitForExitAsync("consumer", timeout.Token);
        var producer = await WaitForExitAsync("producer", timeout.Token);

        Assert.Equal(0, consumer.ExitCode);
        Assert.Equal(0, producer.ExitCode);
        var consumerLog = await LogUntilAsync("consumer", "Consumed: done", timeout.Token);
        var producerLog = await LogUntilAsync("producer", "Produced: done", timeout.Token);
        Assert.Contains(producerLog, l => l.Contains("Produced: done after 10 messages", StringComparison.Ordinal));
        var produced = DemoOutput.MessageTexts(producerLog, "Produced");
        Assert.Equal(10, produced.Count);
        Assert.Equal(produced, DemoOutput.MessageTexts(consumerLog, "Consumed"));
        Assert.EndsWith("Consumed: done after 10 messages, none lost; queue removed", consumerLog.Last(l => l.Contains("Consumed: ")));
    }

    [Fact]
    public async Task ThePodFinishesWhenBothContainersHaveFinished()
    {
        using var timeout = new CancellationTokenSource(Timeout);

        await fixture.Notifications.WaitForResourceAsync("mc2", KnownResourceStates.Finished, timeout.Token);

        Assert.True(fixture.Notifications.TryGetCurrentState("consumer", out var consumer));
        Assert.Equal(0, consumer.Snapshot.ExitCode);
    }

    [Fact]
    public void ProducerAndConsumerShareThePodsQueueKey()
    {
        Assert.True(fixture.Notifications.TryGetCurrentState("producer", out var producer));
        Assert.True(fixture.Notifications.TryGetCurrentState("consumer", out var consumer));

        var key = Assert.Single(producer.Snapshot.EnvironmentVariables, e => e.Name == "Ipc__QueueKey").Value;
        Assert.Equal(key, Assert.Single(consumer.Snapshot.EnvironmentVariables, e => e.Name == "Ipc__QueueKey").Value);
        Assert.True(int.Parse(key!, System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    private async Task<CustomResourceSnapshot> WaitForExitAsync(string resource, CancellationToken cancellationToken)
    {
        var exited = await fixture.Notifications.WaitForResourceAsync(
            resource, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text) && e.Snapshot.ExitCode is not null,
            cancellationToken);
        return exited.Snapshot;
    }

    private async Task<IReadOnlyList<string>> LogUntilAsync(string resource, string lastLine, CancellationToken cancellationToken)
    {
        // The console reaches Aspire shortly after the process has exited.
        while (await fixture.LogOfAsync(resource, cancellationToken) is var lines)
        {
            if (lines.Any(l => l.Contains(lastLine, StringComparison.Ordinal)))
            {
                return lines;
            }

            Assert.False(cancellationToken.IsCancellationRequested, $"'{resource}' never logged '{lastLine}'; it logged:\n{string.Join('\n', lines)}");
            await Task.Delay(100, CancellationToken.None);
        }

        throw new UnreachableException();
    }
}
