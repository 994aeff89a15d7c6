namespace Hosting.UnitTests;

public class LocalPodStateTests
{
    [Theory]
    [InlineData("NotStarted", new string?[] { null, null })]
    [InlineData("Starting", new[] { "Starting", "Waiting" })]
    [InlineData("Running", new[] { "Running", "Starting" })]
    [InlineData("Running", new[] { "Running", "Finished:0" })]
    [InlineData("Finished", new[] { "Finished:0", "Exited:0" })]
    [InlineData("Failed", new[] { "Running", "Exited:1" })]
    [InlineData("Failed", new[] { "Finished:0", "FailedToStart" })]
    [InlineData("Failed", new[] { "Finished:0", "Finished:137" })]
    [InlineData("Stopping", new[] { "Stopping", "Finished:0" })]
    public void APodsStateFollowsItsContainers(string expected, string?[] containers)
    {
        var state = LocalPodState.Summarize(containers.Select(Parse).ToList());

        Assert.Equal(expected, state.Text);
    }

    [Fact]
    public void AFailedPodIsShownAsAnError()
    {
        Assert.Equal(KnownResourceStateStyles.Error, LocalPodState.Summarize([Parse("Exited:2")]).Style);
        Assert.Equal(KnownResourceStateStyles.Success, LocalPodState.Summarize([Parse("Running")]).Style);
    }

    private static LocalContainerState Parse(string? text) => text?.Split(':') switch
    {
        null => default,
        [var state] => new(state, null),
        [var state, var exitCode] => new(state, int.Parse(exitCode, System.Globalization.CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException(text),
    };
}
