using System.Diagnostics;
using Xunit.Abstractions;

namespace Pods.FunctionalTests;

/// <summary>
/// A deploy brings every pod to ready from any state a machine may hold it in, under real podman: missing, changed,
/// stopped, a container exited non-zero, half-played. Each test puts one pod of the deployed demo in that state with
/// podman, deploys, and checks that the pod was played again and is ready, and that the other pods were left as they
/// were. The time each deploy took is written to the test's output.
/// </summary>
[Collection(PodRuntimeCollection.Name)]
public class ConvergeTests(PodRuntime pods, ITestOutputHelper output)
{
    private const string Image = "localhost:5055/dotnet/runtime-deps:10.0";

    [SkippableFact]
    public async Task AMissingPodIsStarted()
    {
        pods.SkipUnlessRunning();
        Assert.Equal(0, (await pods.PodmanAsync("pod", "rm", "--force", "mc1")).ExitCode);

        var deployed = await DeployAsync("missing");

        Assert.Contains("Pod mc1: started", deployed);
        Assert.Matches(@"mc1\s+2/2\s+Running", deployed);
        Assert.Contains("Pod mc3: unchanged, left as it is", deployed);
    }

    [SkippableFact]
    public async Task AChangedRunToCompletionPodRunsAgain()
    {
        pods.SkipUnlessRunning();
        await ReplaceByOursAsync("mc2", spec: "an-older-spec");

        var deployed = await DeployAsync("changed");

        Assert.Contains("Pod mc2: replaced (its spec changed)", deployed);
        Assert.Matches(@"mc2\s+2/2\s+Completed", deployed);
        Assert.Equal(0, await pods.WaitForExitAsync("mc2-consumer", TimeSpan.FromSeconds(10)));
    }

    [SkippableFact]
    public async Task AStoppedPodIsPlayedAgain()
    {
        pods.SkipUnlessRunning();
        Assert.Equal(0, (await pods.PodmanAsync("pod", "stop", "--time", "5", "myapp-pod")).ExitCode);

        var deployed = await DeployAsync("stopped");

        Assert.Matches(@"Pod myapp-pod: replaced \(unchanged, but container '[a-z-]+' had exited with code \d+\)", deployed);
        Assert.Matches(@"myapp-pod\s+1/1\s+Running", deployed);
        Assert.Contains("Pod mc1: unchanged, left as it is", deployed);
    }

    [SkippableFact]
    public async Task AnUnchangedPodWithAContainerThatExitedNonZeroIsPlayedAgain()
    {
        pods.SkipUnlessRunning();
        var spec = await SpecOfAsync("mc2");
        await ReplaceByOursAsync("mc2", spec);
        Assert.Equal(0, (await pods.PodmanAsync("run", "--pod", "mc2", "--name", "mc2-producer", Image, "true")).ExitCode);
        Assert.Equal(3, (await pods.PodmanAsync("run", "--pod", "mc2", "--name", "mc2-consumer", Image, "sh", "-c", "exit 3")).ExitCode);

        var deployed = await DeployAsync("a container exited non-zero");

        Assert.Contains("Pod mc2: replaced (unchanged, but container 'consumer' had exited with code 3)", deployed);
        Assert.Matches(@"mc2\s+2/2\s+Completed", deployed);
    }

    [SkippableFact]
    public async Task AHalfPlayedPodIsPlayedAgain()
    {
        pods.SkipUnlessRunning();
        // What a deploy killed in the middle of podman kube play leaves: the pod, labelled with the spec it was to run,
        // its containers not yet made.
        await ReplaceByOursAsync("myapp-pod", await SpecOfAsync("myapp-pod"));

        var deployed = await DeployAsync("half-played");

        Assert.Matches(@"Pod myapp-pod: replaced \(unchanged, but container '[a-z-]+' was not created\)", deployed);
        Assert.Matches(@"myapp-pod\s+1/1\s+Running", deployed);
    }

    private async Task<string> SpecOfAsync(string pod)
    {
        var (exitCode, spec) = await pods.PodmanAsync("pod", "inspect", pod, "--format", "{{index .Labels \"podsuite.io/spec\"}}");
        Assert.True(exitCode == 0, spec);
        return spec.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();
    }

    // The pod removed, and an empty one of this app's made in its place, labelled with the given spec.
    private async Task ReplaceByOursAsync(string pod, string spec)
    {
        Assert.Equal(0, (await pods.PodmanAsync("pod", "rm", "--force", pod)).ExitCode);
        var (exitCode, created) = await pods.PodmanAsync("pod", "create", "--name", pod, "--label", "app.kubernetes.io/managed-by=podsuite",
            "--label", $"app.kubernetes.io/part-of={PodRuntime.PartOf}", "--label", $"podsuite.io/spec={spec}");
        Assert.True(exitCode == 0, created);
    }

    private async Task<string> DeployAsync(string state)
    {
        var started = Stopwatch.StartNew();
        var (exitCode, deployed) = await pods.TryRunStepAsync("deploy-pods");
        output.WriteLine($"converge from '{state}': exit code {exitCode} in {started.Elapsed.TotalSeconds:0.0} s");
        Assert.True(exitCode == 0, deployed);
        return deployed;
    }
}
