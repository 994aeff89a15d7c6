namespace AppHost.FunctionalTests;

[Collection(PodSuiteCollection.Name)]
public class PodDashboardTests(PodSuiteAppFixture fixture)
{
    [Theory]
    [InlineData("mc1", "log-writer")]
    [InlineData("mc1", "static-site")]
    [InlineData("mc3", "webapp")]
    [InlineData("mc3", "proxy")]
    public void EachPodIsShownAsTheParentOfItsContainers(string pod, string member)
    {
        Assert.True(fixture.Notifications.TryGetCurrentState(member, out var state));

        var parent = Assert.Single(state.Snapshot.Relationships, r => r.Type == "Parent");
        Assert.Equal(pod, parent.ResourceName);
    }

    [Theory]
    [InlineData("mc1")]
    [InlineData("mc3")]
    public async Task APodIsRunningWhileItsContainersRun(string pod)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await fixture.Notifications.WaitForResourceAsync(pod, KnownResourceStates.Running, timeout.Token);

        Assert.True(fixture.Notifications.TryGetCurrentState(pod, out var state));
        Assert.Equal("Pod", state.Snapshot.ResourceType);
        Assert.Equal(KnownResourceStates.Running, state.Snapshot.State?.Text);
    }
}
