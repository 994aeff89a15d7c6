namespace Hosting.UnitTests;

public class IpcKeyTests
{
    [Fact]
    public async Task EveryMemberGetsThePodsKeyAndEachLocalRunADifferentOne()
    {
        var (producerKey, consumerKey, key) = await KeysOfOneRunAsync(PodModel.CreateBuilder());
        var (otherRunKey, _, _) = await KeysOfOneRunAsync(PodModel.CreateBuilder());

        Assert.Equal(key.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), producerKey);
        Assert.Equal(producerKey, consumerKey);
        Assert.NotEqual(producerKey, otherRunKey);
        Assert.True(key.Value > 0);
    }

    [Fact]
    public async Task APublishedPodHasAFixedKey()
    {
        var (first, _, key) = await KeysOfOneRunAsync(PodModel.CreatePublishingBuilder());
        var (second, _, _) = await KeysOfOneRunAsync(PodModel.CreatePublishingBuilder());

        Assert.Equal(first, second);
        Assert.Equal(IpcKey.Stable("mc2", "queue"), key.Value);
    }

    [Fact]
    public void APublishedKeyCanBeChosen()
    {
        var key = PodModel.CreatePublishingBuilder().AddPod("mc2").AddIpcKey("queue", publishedKey: 1234);

        Assert.Equal(1234, key.Value);
    }

    [Fact]
    public async Task AKeyUsedOutsideItsPodFailsNamingTheResourceAndThePod()
    {
        var builder = PodModel.CreateBuilder();
        var key = builder.AddPod("mc2").AddIpcKey("queue");
        builder.AddExecutable("outsider", "true", ".").InPod(builder.AddPod("mc3")).WithIpcKey(key, "KEY");

        var message = await builder.ValidationErrorAsync();

        Assert.Contains("Resource 'outsider' uses IPC key 'queue' of pod 'mc2' but is in pod 'mc3'", message);
    }

    [Fact]
    public void AMemberThatRunsToCompletionIsMarkedOnce()
    {
        var member = PodModel.CreateBuilder().AddExecutable("producer", "true", ".").RunsToCompletion().RunsToCompletion();

        Assert.Single(member.Resource.Annotations.OfType<RunToCompletionAnnotation>());
    }

    private static async Task<(string Producer, string Consumer, IpcKey Key)> KeysOfOneRunAsync(IDistributedApplicationBuilder builder)
    {
        var pod = builder.AddPod("mc2");
        var key = pod.AddIpcKey("queue");
        var producer = builder.AddExecutable("producer", "true", ".").InPod(pod).WithIpcKey(key, "Ipc__QueueKey");
        var consumer = builder.AddExecutable("consumer", "true", ".").InPod(pod).WithIpcKey(key, "Ipc__QueueKey");
        var operation = builder.ExecutionContext.Operation;
        return (
            (await producer.Resource.EnvironmentAsync(operation))["Ipc__QueueKey"],
            (await consumer.Resource.EnvironmentAsync(operation))["Ipc__QueueKey"],
            key);
    }
}
